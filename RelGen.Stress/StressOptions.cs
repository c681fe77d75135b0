namespace RelGen.Stress;

/// <summary>The size of a run: writers, operations per writer, seeds, and the faults per seed.</summary>
internal sealed record StressOptions(int Writers, int OperationsPerWriter, IReadOnlyList<int> Seeds, int KillsPerSeed, int RestartsPerSeed)
{
    /// <summary>The size CI runs as a test: a minute or so.</summary>
    public static StressOptions Quick { get; } = new(Writers: 4, OperationsPerWriter: 250, Seeds: [1], KillsPerSeed: 15, RestartsPerSeed: 2);

    /// <summary>The issue's full size: 16 writers × 2,000 operations × 4 seeds, at least 500 kills and 10 restarts in all.</summary>
    public static StressOptions Full { get; } = new(Writers: 16, OperationsPerWriter: 2000, Seeds: [1, 2, 3, 4], KillsPerSeed: 130, RestartsPerSeed: 3);

    /// <summary>
    /// <c>--size quick|full</c>, then any of <c>--writers N</c>, <c>--ops N</c>, <c>--seeds 1,2</c>, <c>--kills N</c> and
    /// <c>--restarts N</c> (per seed) to change one figure.
    /// </summary>
    public static StressOptions Parse(string[] args)
    {
        var options = Quick;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--size" => Next() switch
                {
                    "quick" => Quick,
                    "full" => Full,
                    var other => throw new ArgumentException($"Unknown size '{other}': quick or full."),
                },
                "--writers" => options with { Writers = int.Parse(Next()) },
                "--ops" => options with { OperationsPerWriter = int.Parse(Next()) },
                "--seeds" => options with { Seeds = [.. Next().Split(',').Select(int.Parse)] },
                "--kills" => options with { KillsPerSeed = int.Parse(Next()) },
                "--restarts" => options with { RestartsPerSeed = int.Parse(Next()) },
                var other => throw new ArgumentException($"Unknown argument '{other}'."),
            };
        }
        return options;
    }

    public override string ToString()
        => $"{Writers} writers × {OperationsPerWriter} operations × {Seeds.Count} seed(s) ({string.Join(",", Seeds)}), "
           + $"{KillsPerSeed} backend kills and {RestartsPerSeed} restarts per seed";
}
