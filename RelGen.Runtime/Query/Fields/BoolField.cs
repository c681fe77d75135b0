namespace RelGen.Query;

/// <summary>A boolean column: equality lookups only.</summary>
public sealed class BoolField : ValueField<bool>
{
    public BoolField(ColumnRef column) : base(column) { }
}
