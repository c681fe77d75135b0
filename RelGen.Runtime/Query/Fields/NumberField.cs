namespace RelGen.Query;

/// <summary>A numeric column (<c>short int long float double decimal</c>, or a date part).</summary>
public sealed class NumberField<T> : OrderedField<T> where T : struct
{
    public NumberField(ColumnRef column) : base(column) { }
}
