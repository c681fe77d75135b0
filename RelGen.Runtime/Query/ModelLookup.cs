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
    protected ModelLookup RelGenForward(RelationDescriptor relation) => relation.Target.LookupAt(new RelationPath(RelGenPath, relation, isReverse: false));

    /// <summary>The lookup one reverse hop further, back through <paramref name="relation"/>, which points at this model.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected ModelLookup RelGenReverse(RelationDescriptor relation) => relation.Source.LookupAt(new RelationPath(RelGenPath, relation, isReverse: true));

    /// <inheritdoc />
    public override string ToString() => RelGenPath?.ToString() ?? Model.Name;

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => RelGenPath?.GetHashCode() ?? Model.GetHashCode();
}
