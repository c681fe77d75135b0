namespace RelGen.Stress.Workload;

/// <summary>The rows writers created, per table, for any writer to pick from.</summary>
internal sealed class Pools
{
    public KeyPool Crates { get; } = new();
    public KeyPool Items { get; } = new();
    public KeyPool Parts { get; } = new();
    public KeyPool Depots { get; } = new();
    public KeyPool Bins { get; } = new();
    public KeyPool Widgets { get; } = new();
    public KeyPool Blockers { get; } = new();

    /// <summary>Drops a deleted root from its pool, so later picks find live rows more often.</summary>
    public void Forget(string table, int id)
    {
        var pool = table switch
        {
            Tables.Crate => Crates,
            Tables.Item => Items,
            Tables.Part => Parts,
            Tables.Depot => Depots,
            _ => null,
        };
        pool?.Remove(id);
    }
}
