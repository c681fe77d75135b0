using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A bytea column: <c>Exact</c>, <c>==</c>, <c>!=</c> and <c>IsNull</c>.</summary>
public sealed class BytesField : Field
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public BytesField(RelationPath? path, ColumnDescriptor column) : base(At(path, column)) { }

    /// <summary>Equal to <paramref name="value"/>, byte for byte.</summary>
    public Predicate Exact(byte[] value) => new ComparePredicate<byte[]>(Column, LookupOperator.Exact, value);

    /// <summary>Equal to <paramref name="value"/>.</summary>
    public static Predicate operator ==(BytesField field, byte[] value) => field.Exact(value);

    /// <summary>Not equal to <paramref name="value"/>.</summary>
    public static Predicate operator !=(BytesField field, byte[] value) => new ComparePredicate<byte[]>(field.Column, LookupOperator.NotEqual, value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();
}
