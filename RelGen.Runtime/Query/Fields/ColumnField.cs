namespace RelGen.Query;

/// <summary>A lookup field: an expression that is one column of a model, reached through a path.</summary>
internal interface IColumnField
{
    ColumnRef Column { get; }
}
