namespace RelGen;

/// <summary>A relation that was not loaded was read while the fetch mode is <see cref="FetchMode.Raise"/>.</summary>
public sealed class RelationNotLoadedException : RelGenException
{
    public RelationNotLoadedException(string model, string relation, string instance)
        : base($"{model}.{relation} of '{instance}' is not loaded and the fetch mode is Raise; load it with SelectRelated(x => x.{relation}) or choose FetchMode.One or FetchMode.Peers.")
    {
        Model = model;
        Relation = relation;
    }

    public string Model { get; }

    public string Relation { get; }
}
