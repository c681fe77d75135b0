namespace RelGen.Stress.Harness;

/// <summary>Prints each seed's figures and the totals, with examples of anything found wrong.</summary>
internal static class Report
{
    public static void PrintSeed(SeedReport r)
    {
        var f = r.Findings;
        Console.WriteLine();
        Console.WriteLine($"Seed {r.Seed}: {r.Operations} operations in {r.Elapsed.TotalSeconds:F1} s ({r.Operations / r.Elapsed.TotalSeconds:F0}/s), "
            + $"{r.Kills} backend kills, {r.Restarts} restarts");
        Console.WriteLine($"  acknowledged {r.Acknowledged}, failed {r.Failed}, uncertain {r.Uncertain}, transaction retries {r.Ledger.Retries}");
        Console.WriteLine($"  deletes checked {f.DeletesChecked} ({f.RowsDeleted} rows)");
        Console.WriteLine($"  lost {f.Lost.Count}, partial {f.Partial.Count}, miscounted {f.Miscounted.Count}, ghosts {f.Ghosts.Count}, "
            + $"untyped {r.Untyped}, leaks {f.Leaks.Count}");
        Console.WriteLine("  errors: " + string.Join(", ", r.Ledger.Errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} {e.Value}")));
        foreach (var (label, items) in new[] { ("lost", f.Lost), ("partial", f.Partial), ("miscounted", f.Miscounted), ("ghost", f.Ghosts), ("leak", f.Leaks), ("untyped", r.Ledger.Untyped.ToList()) })
        {
            foreach (var item in items.Take(5))
                Console.WriteLine($"  {label}: {item}");
        }
    }

    public static void PrintTotals(List<SeedReport> reports)
    {
        Console.WriteLine();
        Console.WriteLine("Totals");
        Console.WriteLine($"  operations {reports.Sum(r => r.Operations)} (acknowledged {reports.Sum(r => r.Acknowledged)}, failed {reports.Sum(r => r.Failed)}, "
            + $"uncertain {reports.Sum(r => r.Uncertain)}), transaction retries {reports.Sum(r => r.Ledger.Retries)}");
        Console.WriteLine($"  backend kills {reports.Sum(r => r.Kills)}, restarts {reports.Sum(r => r.Restarts)}, "
            + $"time {TimeSpan.FromSeconds(reports.Sum(r => r.Elapsed.TotalSeconds)):hh\\:mm\\:ss}");
        Console.WriteLine($"  deletes checked {reports.Sum(r => r.Findings.DeletesChecked)} ({reports.Sum(r => r.Findings.RowsDeleted)} rows)");
        Console.WriteLine($"  lost {reports.Sum(r => r.Findings.Lost.Count)}, partial {reports.Sum(r => r.Findings.Partial.Count)}, "
            + $"miscounted {reports.Sum(r => r.Findings.Miscounted.Count)}, ghosts {reports.Sum(r => r.Findings.Ghosts.Count)}, "
            + $"untyped {reports.Sum(r => r.Untyped)}, leaks {reports.Sum(r => r.Findings.Leaks.Count)}");
        var errors = reports.SelectMany(r => r.Ledger.Errors).GroupBy(e => e.Key).Select(g => (g.Key, Count: g.Sum(e => e.Value))).OrderByDescending(e => e.Count);
        Console.WriteLine("  errors: " + string.Join(", ", errors.Select(e => $"{e.Key} {e.Count}")));
        Console.WriteLine(reports.All(r => r.Clean) ? "RESULT: clean" : "RESULT: FAILED");
    }
}
