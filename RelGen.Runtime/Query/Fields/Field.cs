using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A column in a lookup lambda. Its typed subclasses offer only the lookups that make sense for the column's type.</summary>
public abstract class Field
{
    private protected Field(ColumnRef column) => Column = column;

    /// <summary>The column this field stands for.</summary>
    internal ColumnRef Column { get; }

    /// <summary>Django's <c>isnull</c>.</summary>
    public Predicate IsNull(bool isNull = true) => new IsNullPredicate(Column, isNull);

    /// <summary>Orders ascending (a field alone in <c>OrderBy</c> means the same).</summary>
    public OrderTerm Asc() => new(Column, descending: false);

    /// <summary>Orders descending.</summary>
    public OrderTerm Desc() => new(Column, descending: true);

    /// <summary>A field alone in <c>OrderBy</c> orders ascending.</summary>
    public static implicit operator OrderTerm(Field field) => new(field.Column, descending: false);

    /// <inheritdoc />
    public override string ToString() => Column.ToString();

    // Lookup operators return predicates, not booleans; equality of field objects themselves is identity.
    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => Column.GetHashCode();

    private protected static ColumnRef At(RelationPath? path, ColumnDescriptor column) => new(path, column);
}
