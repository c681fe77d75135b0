namespace RelGen;

/// <summary>What a delete removed: the total and the count per model class name (rows a rule only updates are not counted).</summary>
public sealed class DeleteResult
{
    /// <summary>Creates the result from the rows deleted per model class name; <see cref="Total"/> is their sum.</summary>
    public DeleteResult(IReadOnlyDictionary<string, int> perModel)
    {
        PerModel = perModel;
        var total = 0;
        foreach (var count in perModel.Values)
            total += count;
        Total = total;
    }

    /// <summary>How many rows were deleted, of all models together.</summary>
    public int Total { get; }

    /// <summary>How many rows of each model were deleted, by model class name; a model none of whose rows was deleted is absent.</summary>
    public IReadOnlyDictionary<string, int> PerModel { get; }

    /// <summary>Django's form of the result, e.g. <c>(2, {'Article': 1, 'Reporter': 1})</c>, models in ordinal order.</summary>
    public override string ToString()
        => $"({Total}, {{{string.Join(", ", PerModel.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"'{p.Key}': {p.Value}"))}}})";
}
