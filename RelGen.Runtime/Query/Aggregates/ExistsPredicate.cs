using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// <c>r.Article.Any(a =&gt; …)</c>: <c>EXISTS</c> over the related rows, a correlated subquery with joins of its own, so the
/// query's rows are never repeated (Django's <c>Exists</c>).
/// </summary>
internal sealed class ExistsPredicate(RelationPath target, Predicate? filter) : Predicate
{
    internal override bool IsMultiValued => false;

    internal override void Write(ShapeWriter writer)
    {
        writer.Token(ShapeOp.Exists, filter is null ? 0 : AggregateCall.FilterFlag, target);
        filter?.Write(writer);
    }
}
