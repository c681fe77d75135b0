using System.Text;

namespace RelGen.Benchmarks.Reporting;

/// <summary>
/// Turns the CSV reports of a run (<c>BenchmarkDotNet.Artifacts/results/*-report.csv</c>) into the one table of
/// scenarios × sizes × variants that benchmarks/README.md shows, sizes in increasing order. Several folders may be given (a run
/// split in parts, e.g. the small sizes and then the large ones); their rows are merged per scenario. Usage:
/// <c>dotnet run -c Release --project benchmarks/RelGen.Benchmarks -- report [results folder…]</c>.
/// </summary>
public static class ResultsReport
{
    private static readonly string[] Columns = ["Mean", "Median", "Ratio", "Allocated", "Alloc Ratio", "Peak RSS Δ"];

    public static int Run(string[] args)
    {
        var folders = args.Length > 0 ? args : [Path.Combine("BenchmarkDotNet.Artifacts", "results")];
        var rows = new List<(string Scenario, long Size, string SizeText, string Cells)>();
        foreach (var folder in folders)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*-report.csv") : [])
                rows.AddRange(Read(file));
        }
        if (rows.Count == 0)
        {
            Console.Error.WriteLine($"No *-report.csv under {string.Join(", ", folders.Select(Path.GetFullPath))}: run the benchmarks first.");
            return 1;
        }
        Console.WriteLine("| Scenario | Rows | Variant | Mean | Median | Time ratio | Allocated | Alloc ratio | Peak RSS Δ |");
        Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        string? previous = null;
        // A stable sort: within one scenario and size the variants keep the order the run gave them.
        foreach (var row in rows.OrderBy(r => r.Scenario, StringComparer.Ordinal).ThenBy(r => r.Size))
        {
            var key = row.Scenario + "|" + row.SizeText;
            Console.WriteLine(key == previous ? $"|  |  | {row.Cells} |" : $"| {row.Scenario} | {row.SizeText} | {row.Cells} |");
            previous = key;
        }
        return 0;
    }

    private static IEnumerable<(string, long, string, string)> Read(string file)
    {
        var scenario = Path.GetFileName(file).Replace("-report.csv", "", StringComparison.Ordinal);
        scenario = scenario[(scenario.LastIndexOf('.') + 1)..];
        var lines = File.ReadAllLines(file);
        if (lines.Length < 2)
            yield break;
        var header = Split(lines[0]);
        foreach (var line in lines.Skip(1))
        {
            var row = Split(line);
            string Get(string column) => header.IndexOf(column) is var i and >= 0 && i < row.Count ? row[i] : "";
            var size = Get("Rows").Length > 0 ? Get("Rows") : Get("Models");
            var cells = new StringBuilder(Get("Method"));
            foreach (var column in Columns)
                cells.Append(" | ").Append(Get(column) is { Length: > 0 } value ? value : "–");
            yield return (scenario, long.TryParse(size, out var n) ? n : 0, size, cells.ToString());
        }
    }

    // BenchmarkDotNet quotes the fields that hold a comma ("1,234.5 μs").
    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
                field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
