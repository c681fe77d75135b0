using RelGen.Metadata;

namespace RelGen.Delete;

/// <summary>
/// The order in which the collector deletes its models (Django's <c>Collector.sort</c>, for foreign keys that PostgreSQL checks
/// at once): every model whose rows point at another model's deleted rows goes first. A foreign key with
/// <c>ON DELETE NO ACTION</c> (Protect, Restrict, DoNothing) would refuse a parent deleted before its children, so those
/// dependencies are kept whenever an order exists; one with <c>ON DELETE CASCADE</c> would only take the children itself (they
/// are collected and locked, so they count all the same), so a cycle is broken there first, unless the children are fast
/// deletes (counted from their own statement, which would then find nothing). A cycle of NO ACTION keys is
/// broken by setting a nullable key of the rows about to be deleted to NULL first (<see cref="Step.NullFirst"/>). Set-null and
/// set-default relations need no place: their rows are updated before any delete.
/// </summary>
internal static class DeleteOrder
{
    /// <summary>One model's place in the order, with the relations of rows pointing at it to set to NULL just before.</summary>
    public sealed record Step(ModelDescriptor Model, IReadOnlyList<RelationDescriptor> NullFirst);

    /// <summary>
    /// Orders <paramref name="models"/> (in collection order, which breaks ties, so the order is always the same);
    /// <paramref name="keyed"/> tells the models deleted by collected keys from those only fast-deleted.
    /// </summary>
    public static List<Step> Sort(IReadOnlyList<ModelDescriptor> models, Func<ModelDescriptor, bool> keyed)
    {
        var remaining = new List<ModelDescriptor>(models);
        var order = new List<Step>(models.Count);
        while (remaining.Count > 0)
        {
            var (next, nullFirst) = Pick(remaining, keyed);
            remaining.Remove(next);
            order.Add(new Step(next, nullFirst));
        }
        return order;
    }

    private static (ModelDescriptor, IReadOnlyList<RelationDescriptor>) Pick(List<ModelDescriptor> remaining, Func<ModelDescriptor, bool> keyed)
    {
        // Nothing left points at it.
        foreach (var model in remaining)
        {
            if (!Pointing(model, remaining).Any())
                return (model, []);
        }
        // Only cascading keys of collected rows point at it: PostgreSQL deletes those rows itself, and they count as collected.
        foreach (var model in remaining)
        {
            if (!Blocking(model, remaining, keyed).Any())
                return (model, []);
        }
        // The keys pointing at it otherwise can be set to NULL first.
        foreach (var model in remaining)
        {
            var blocking = Blocking(model, remaining, keyed).ToList();
            if (blocking.All(r => r.IsNullable))
                return (model, blocking);
        }
        // A cycle of NOT NULL, NO ACTION keys cannot hold rows (each row would need the other first): nothing to order.
        return (remaining[0], []);
    }

    /// <summary>The relations of <see cref="Pointing"/> that PostgreSQL's own cascade cannot stand in for.</summary>
    private static IEnumerable<RelationDescriptor> Blocking(ModelDescriptor model, List<ModelDescriptor> remaining, Func<ModelDescriptor, bool> keyed)
        => Pointing(model, remaining).Where(r => r.OnDelete != OnDelete.Cascade || !keyed(r.Source));

    /// <summary>The relations from other remaining models to <paramref name="model"/> whose keys constrain the order.</summary>
    private static IEnumerable<RelationDescriptor> Pointing(ModelDescriptor model, List<ModelDescriptor> remaining)
    {
        foreach (var relation in model.ReverseRelations)
        {
            if (relation.Source != model && relation.OnDelete is not (OnDelete.SetNull or OnDelete.SetDefault) && remaining.Contains(relation.Source))
                yield return relation;
        }
    }
}
