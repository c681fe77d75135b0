namespace RelGen;

/// <summary>What a delete removed: the total and the count per model class name (rows a rule only updates are not counted).</summary>
public sealed class DeleteResult
{
    public DeleteResult(IReadOnlyDictionary<string, int> perModel)
    {
        PerModel = perModel;
        var total = 0;
        foreach (var count in perModel.Values)
            total += count;
        Total = total;
    }

    public int Total { get; }

    public IReadOnlyDictionary<string, int> PerModel { get; }

    public override string ToString()
        => $"({Total}, {{{string.Join(", ", PerModel.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"'{p.Key}': {p.Value}"))}}})";
}
