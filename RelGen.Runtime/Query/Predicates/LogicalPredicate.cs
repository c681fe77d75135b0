using RelGen.Sql;

namespace RelGen.Query;

/// <summary><c>(left AND right)</c> or <c>(left OR right)</c>.</summary>
internal sealed class LogicalPredicate(Predicate left, Predicate right, bool isOr) : Predicate
{
    internal override bool IsMultiValued => left.IsMultiValued || right.IsMultiValued;

    internal override void Write(ShapeWriter writer)
    {
        writer.Token(isOr ? ShapeOp.Or : ShapeOp.And);
        left.Write(writer);
        right.Write(writer);
    }
}
