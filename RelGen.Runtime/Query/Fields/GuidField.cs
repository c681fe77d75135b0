namespace RelGen.Query;

/// <summary>A uuid column: equality lookups only.</summary>
public sealed class GuidField : ValueField<Guid>
{
    public GuidField(ColumnRef column) : base(column) { }
}
