using System.ComponentModel;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// A PostgreSQL array column of <typeparamref name="TElement"/> (Django's <c>ArrayField</c>): <c>Contains</c> (<c>@&gt;</c>),
/// <c>ContainedBy</c> (<c>&lt;@</c>), <c>Overlaps</c> (<c>&amp;&amp;</c>), equality, <c>IsNull</c>. <typeparamref name="TValue"/> is
/// the property's type (<c>int[]</c>, or <c>int[]?</c>).
/// </summary>
public sealed class ArrayField<TElement, TValue> : SqlExpression<TElement[]>, IColumnField, ISelectable<TValue>
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ArrayField(RelationPath? path, ColumnDescriptor column) => Column = ColumnRef.Of(path, column);

    internal ColumnRef Column { get; }

    ColumnRef IColumnField.Column => Column;

    SelectTerm<TValue> ISelectable<TValue>.RelGenTerm => new ExpressionTerm<TValue>(this, ValueReader<TValue>.Read);

    internal override bool IsMultiValued => Column.IsMultiValued;

    internal override ColumnRef? PlainColumn => Column;

    internal override void Write(ShapeWriter writer) => writer.Column(Column);

    /// <summary>Holds every one of <paramref name="values"/> (<c>@&gt;</c>; Django's <c>contains</c>).</summary>
    public Predicate Contains(params TElement[] values) => new ComparePredicate<TElement[]>(this, LookupOperator.ArrayContains, values);

    /// <summary>Holds nothing but <paramref name="values"/> (<c>&lt;@</c>; Django's <c>contained_by</c>).</summary>
    public Predicate ContainedBy(params TElement[] values) => new ComparePredicate<TElement[]>(this, LookupOperator.ArrayContainedBy, values);

    /// <summary>Holds at least one of <paramref name="values"/> (<c>&amp;&amp;</c>; Django's <c>overlap</c>).</summary>
    public Predicate Overlaps(params TElement[] values) => new ComparePredicate<TElement[]>(this, LookupOperator.ArrayOverlaps, values);

    /// <summary>Sets the column to <paramref name="value"/> (NULL when null) in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(TElement[]? value) => Assignment.Of(Column, value, static (w, v) => w.Parameter(v));

    /// <summary>Sets the column to NULL in an <c>UpdateAsync</c> (refused before anything is sent when the column is NOT NULL).</summary>
    public Assignment SetNull() => Assignment.Null(Column);

    /// <inheritdoc />
    public override string ToString() => Column.ToString();
}
