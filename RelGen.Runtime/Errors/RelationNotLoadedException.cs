namespace RelGen;

/// <summary>A relation that was not loaded was read while the fetch mode is <see cref="FetchMode.Raise"/>.</summary>
public sealed class RelationNotLoadedException : RelGenException
{
    /// <summary>Creates the error for <paramref name="model"/>'s relation <paramref name="relation"/>, read on the object <paramref name="instance"/> (its text).</summary>
    public RelationNotLoadedException(string model, string relation, string instance)
        : base($"{model}.{relation} of '{instance}' is not loaded and the fetch mode is Raise; load it with SelectRelated(x => x.{relation}) or choose FetchMode.One or FetchMode.Peers.")
    {
        Model = model;
        Relation = relation;
    }

    /// <summary>The class name of the model that declares the relation.</summary>
    public string Model { get; }

    /// <summary>The relation's property name.</summary>
    public string Relation { get; }
}
