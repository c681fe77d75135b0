namespace RelGen.Benchmarks.Infrastructure;

/// <summary>The set-up checks: a variant's result must equal Hand's, or the scenario stops before anything is timed.</summary>
public static class Same
{
    public static void Rows<T>(string scenario, string variant, IReadOnlyList<T> expected, IEnumerable<T> actual)
    {
        var rows = actual.ToList();
        if (rows.Count != expected.Count)
            throw Mismatch(scenario, variant, $"{rows.Count} rows, Hand {expected.Count}");
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < rows.Count; i++)
        {
            if (!comparer.Equals(rows[i], expected[i]))
                throw Mismatch(scenario, variant, $"row {i} is {rows[i]}, Hand's {expected[i]}");
        }
    }

    public static void Value<T>(string scenario, string variant, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
            throw Mismatch(scenario, variant, $"{actual}, Hand {expected}");
    }

    private static InvalidOperationException Mismatch(string scenario, string variant, string what)
        => new($"{scenario}: {variant} does not do what Hand does: {what}.");
}
