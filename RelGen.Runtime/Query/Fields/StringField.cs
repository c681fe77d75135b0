using System.ComponentModel;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// A text column: equality, order, pattern (<c>Contains</c>, <c>StartsWith</c>, …, case-insensitive variants) and regex lookups.
/// <typeparamref name="TValue"/> is the property's type (<c>string</c>, or <c>string?</c> for a NULL-able column).
/// </summary>
public class StringField<TValue> : OrderedExpression<string>, IColumnField, ISelectable<TValue>
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public StringField(RelationPath? path, ColumnDescriptor column) => Column = ColumnRef.Of(path, column);

    internal ColumnRef Column { get; }

    ColumnRef IColumnField.Column => Column;

    SelectTerm<TValue> ISelectable<TValue>.RelGenTerm => new ExpressionTerm<TValue>(this, ValueReader<TValue>.Read);

    internal override bool IsMultiValued => Column.IsMultiValued;

    internal override ColumnRef? PlainColumn => Column;

    internal override void Write(ShapeWriter writer) => writer.Column(Column);

    /// <summary>Equal, ignoring case.</summary>
    public Predicate IExact(string value) => new ComparePredicate<string>(this, LookupOperator.IExact, value);

    /// <summary>Contains <paramref name="value"/> (its <c>%</c> and <c>_</c> match literally).</summary>
    public Predicate Contains(string value) => new ComparePredicate<string>(this, LookupOperator.Contains, value);

    /// <summary>Contains <paramref name="value"/>, ignoring case.</summary>
    public Predicate IContains(string value) => new ComparePredicate<string>(this, LookupOperator.IContains, value);

    /// <summary>Starts with <paramref name="value"/>.</summary>
    public Predicate StartsWith(string value) => new ComparePredicate<string>(this, LookupOperator.StartsWith, value);

    /// <summary>Starts with <paramref name="value"/>, ignoring case.</summary>
    public Predicate IStartsWith(string value) => new ComparePredicate<string>(this, LookupOperator.IStartsWith, value);

    /// <summary>Ends with <paramref name="value"/>.</summary>
    public Predicate EndsWith(string value) => new ComparePredicate<string>(this, LookupOperator.EndsWith, value);

    /// <summary>Ends with <paramref name="value"/>, ignoring case.</summary>
    public Predicate IEndsWith(string value) => new ComparePredicate<string>(this, LookupOperator.IEndsWith, value);

    /// <summary>A POSIX regular expression match (PostgreSQL's <c>~</c>).</summary>
    public Predicate Regex(string pattern) => new ComparePredicate<string>(this, LookupOperator.Regex, pattern);

    /// <summary>A case-insensitive POSIX regular expression match (<c>~*</c>).</summary>
    public Predicate IRegex(string pattern) => new ComparePredicate<string>(this, LookupOperator.IRegex, pattern);

    /// <summary>Sets the column to <paramref name="value"/> in an <c>UpdateAsync</c>; checked as <c>SaveAsync</c> checks it.</summary>
    public Assignment Set(string? value) => Assignment.Of(Column, value, static (w, v) => w.Parameter(v));

    /// <summary>Sets the column to another text expression of the row in an <c>UpdateAsync</c>.</summary>
    public Assignment Set(SqlExpression<string> expression) => Assignment.Of(Column, expression);

    /// <summary>Sets the column to NULL in an <c>UpdateAsync</c> (refused before anything is sent when the column is NOT NULL).</summary>
    public Assignment SetNull() => Assignment.Null(Column);

    /// <inheritdoc />
    public override string ToString() => Column.ToString();
}
