using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>
/// The base of the generated lookup types: a model reached through a path (none for the query's own model). Generated
/// members expose each column as a typed field and each relation as another lookup.
/// </summary>
public abstract class ModelLookup
{
    private protected ModelLookup(RelationPath? path, ModelDescriptor model)
    {
        RelGenPath = path;
        Model = model;
    }

    /// <summary>The relation hops from the query's model to this one; null for the query's own model.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal RelationPath? RelGenPath { get; }

    internal ModelDescriptor Model { get; }

    /// <summary>The lookup one forward hop further, through <paramref name="relation"/> of this model.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected ModelLookup RelGenForward(RelationDescriptor relation) => Hop(relation, isReverse: false);

    /// <summary>The lookup one reverse hop further, back through <paramref name="relation"/>, which points at this model.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected ModelLookup RelGenReverse(RelationDescriptor relation) => Hop(relation, isReverse: true);

    /// <summary>
    /// The lookup one hop further, made once per lookup: lookups hold only a path and a model, and the query's own lookup is
    /// the model's one root, so <c>a =&gt; a.Reporter.FirstName == name</c> allocates no path or lookup after the first query.
    /// Threads racing on a new hop may each make one; they are equal (paths compare by value), and one of them is kept.
    /// </summary>
    private ModelLookup Hop(RelationDescriptor relation, bool isReverse)
    {
        var hops = Volatile.Read(ref _hops);
        foreach (var hop in hops)
        {
            if (hop.IsReverse == isReverse && ReferenceEquals(hop.Relation, relation))
                return hop.Lookup;
        }
        var model = isReverse ? relation.Source : relation.Target;
        var lookup = model.LookupAt(new RelationPath(RelGenPath, relation, isReverse));
        Interlocked.CompareExchange(ref _hops, [.. hops, new LookupHop(relation, isReverse, lookup)], hops);
        return lookup;
    }

    /// <summary>The lookups one hop further made so far (the few relations a query's lambdas walk from here).</summary>
    private LookupHop[] _hops = [];

    private readonly record struct LookupHop(RelationDescriptor Relation, bool IsReverse, ModelLookup Lookup);

    /// <inheritdoc />
    public override string ToString() => RelGenPath?.ToString() ?? Model.Name;

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => RelGenPath?.GetHashCode() ?? Model.GetHashCode();
}
