namespace RelGen.Query;

/// <summary>A bytea column: <c>Exact</c>, <c>==</c>, <c>!=</c> and <c>IsNull</c>.</summary>
public sealed class BytesField : Field
{
    public BytesField(ColumnRef column) : base(column) { }

    public Predicate Exact(byte[] value) => new ComparePredicate<byte[]>(Column, LookupOperator.Exact, value);

    public static Predicate operator ==(BytesField field, byte[] value) => field.Exact(value);

    public static Predicate operator !=(BytesField field, byte[] value) => new ComparePredicate<byte[]>(field.Column, LookupOperator.NotEqual, value);

    public override bool Equals(object? obj) => base.Equals(obj);

    public override int GetHashCode() => base.GetHashCode();
}
