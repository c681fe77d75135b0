using RelGen.Sql;

namespace RelGen.Query;

/// <summary><c>column = ANY($n)</c> with the values as one array parameter; an empty list matches nothing.</summary>
internal sealed class InPredicate<T>(ColumnRef column, T[] values) : Predicate
{
    internal override bool IsMultiValued => column.IsMultiValued;

    internal override void Write(ShapeWriter writer)
    {
        if (values.Length == 0)
        {
            writer.Token(ShapeOp.InNothing);
            return;
        }
        writer.Token(ShapeOp.In);
        writer.Column(column);
        writer.Parameter(values);
    }
}
