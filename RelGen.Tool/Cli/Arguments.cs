namespace RelGen.Tool.Cli;

/// <summary>The command line after the command words: positional values and <c>--option value</c> pairs (repeatable), and flags.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    /// <param name="valueOptions">The options that take a value; any other <c>--name</c> must be in <paramref name="flags"/>.</param>
    public Arguments(IEnumerable<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                _positional.Add(arg);
                continue;
            }
            var name = arg;
            string? value = null;
            var equals = arg.IndexOf('=');
            if (equals > 0 && valueOptions.Contains(arg[..equals]))
            {
                name = arg[..equals];
                value = arg[(equals + 1)..];
            }
            if (flags.Contains(name))
                _flags.Add(name);
            else if (valueOptions.Contains(name))
            {
                if (value is null)
                {
                    if (!e.MoveNext())
                        throw new UsageException($"{name} needs a value.");
                    value = e.Current;
                }
                if (!_options.TryGetValue(name, out var list))
                    _options[name] = list = [];
                list.Add(value);
            }
            else
                throw new UsageException($"Unknown option {name}.");
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    public bool Has(string flag) => _flags.Contains(flag);

    public IReadOnlyList<string> All(string option) => _options.TryGetValue(option, out var list) ? list : [];

    public string? Single(string option)
    {
        var values = All(option);
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new UsageException($"{option} is given {values.Count} times; give it once."),
        };
    }
}
