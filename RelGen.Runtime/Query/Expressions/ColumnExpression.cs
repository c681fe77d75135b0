using RelGen.Sql;

namespace RelGen.Query;

/// <summary>A column as a typed expression, for lookups that are not fields (a relation's key).</summary>
internal sealed class ColumnExpression<T>(ColumnRef column) : SqlExpression<T>
{
    public ColumnRef Column { get; } = column;

    internal override bool IsMultiValued => Column.IsMultiValued;

    internal override ColumnRef? PlainColumn => Column;

    internal override void Write(ShapeWriter writer) => writer.Column(Column);
}
