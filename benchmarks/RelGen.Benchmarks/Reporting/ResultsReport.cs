using System.Text;

namespace RelGen.Benchmarks.Reporting;

/// <summary>
/// Turns the CSV reports of a run (<c>BenchmarkDotNet.Artifacts/results/*-report.csv</c>) into the one table of
/// scenarios × sizes × variants that benchmarks/README.md shows. Usage:
/// <c>dotnet run -c Release --project benchmarks/RelGen.Benchmarks -- report [results folder]</c>.
/// </summary>
public static class ResultsReport
{
    private static readonly string[] Columns = ["Mean", "Median", "Ratio", "Allocated", "Alloc Ratio", "Peak RSS Δ"];

    public static int Run(string[] args)
    {
        var folder = args.Length > 0 ? args[0] : Path.Combine("BenchmarkDotNet.Artifacts", "results");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*-report.csv").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"No *-report.csv under {Path.GetFullPath(folder)}: run the benchmarks first.");
            return 1;
        }
        Console.WriteLine("| Scenario | Rows | Variant | Mean | Median | Time ratio | Allocated | Alloc ratio | Peak RSS Δ |");
        Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var file in files)
        {
            var scenario = Path.GetFileName(file).Replace("-report.csv", "", StringComparison.Ordinal);
            scenario = scenario[(scenario.LastIndexOf('.') + 1)..];
            var lines = File.ReadAllLines(file);
            if (lines.Length < 2)
                continue;
            var header = Split(lines[0]);
            string? previous = null;
            foreach (var line in lines.Skip(1))
            {
                var row = Split(line);
                string Get(string column) => header.IndexOf(column) is var i and >= 0 && i < row.Count ? row[i] : "";
                var size = Get("Rows").Length > 0 ? Get("Rows") : Get("Models");
                var key = scenario + "|" + size;
                var cells = new StringBuilder();
                cells.Append("| ").Append(key == previous ? "" : scenario).Append(" | ").Append(key == previous ? "" : size).Append(" | ").Append(Get("Method"));
                foreach (var column in Columns)
                    cells.Append(" | ").Append(Get(column) is { Length: > 0 } value ? value : "–");
                Console.WriteLine(cells.Append(" |").ToString());
                previous = key;
            }
        }
        return 0;
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
