using System.Diagnostics;
using Dapper;
using Npgsql;

namespace RelGen.Benchmarks.Data;

/// <summary>
/// A <c>VACUUM</c> that leaves the tables as a steady production table is: dead rows gone and every page all-visible, so an
/// index-only scan never visits the heap. Straight after the rows were written, VACUUM often leaves the pages out of the
/// visibility map (the throwaway server commits asynchronously; a CHECKPOINT first was enough in psql but not in the seed,
/// while vacuuming again a moment later always was), and a later autovacuum then sets the map in the middle of a scenario,
/// which makes whichever variant runs after it faster. Measured on AnnotateCount (the run's first scenario): after the seed's
/// VACUUM, 0 of <c>article</c>'s 84 pages were all-visible and its query made 10,000 heap fetches (2.9 ms in
/// <c>EXPLAIN ANALYZE</c>, 1.1 ms without); in the timed run the first four variants took 1.4–1.6 ms and the last three
/// 0.9–1.1 ms, whichever variants they were (the order was swapped to check). So the tables are vacuumed again until their
/// pages are all-visible, with <c>INDEX_CLEANUP ON</c>: by default VACUUM skips the indexes when under 2% of the pages
/// hold dead rows, and those pages then stay out of the map (UpdateByFilter's 2 of 171 pages, however often vacuumed).
/// </summary>
public static class Vacuum
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Runs <c>VACUUM (INDEX_CLEANUP ON[, ANALYZE]) <paramref name="tables"/></c> after a CHECKPOINT, then again every 100 ms
    /// until every page of <paramref name="tables"/> (a comma-separated list of this program's own table names) is all-visible,
    /// for at most 3 s.
    /// </summary>
    public static void Run(NpgsqlConnection connection, string tables, bool analyze = false)
    {
        var regclasses = string.Join(", ", tables.Split(',', StringSplitOptions.TrimEntries).Select(t => $"'{t}'::regclass"));
        var notVisible = $"SELECT COALESCE(SUM(relpages - relallvisible), 0)::int FROM pg_class WHERE oid IN ({regclasses})";
        // Dapper takes a one-word text (CHECKPOINT) for a procedure unless told otherwise.
        connection.Execute("CHECKPOINT", commandTimeout: 0, commandType: System.Data.CommandType.Text);
        var vacuum = "VACUUM (INDEX_CLEANUP ON) " + tables;
        connection.Execute(analyze ? $"VACUUM (INDEX_CLEANUP ON, ANALYZE) {tables}" : vacuum, commandTimeout: 0);
        var clock = Stopwatch.StartNew();
        int left;
        while ((left = connection.ExecuteScalar<int>(notVisible)) > 0)
        {
            if (clock.Elapsed > Patience)
            {
                Console.WriteLine($"// RelGen.Benchmarks: {left} pages of {tables} still not all-visible after {Patience.TotalSeconds:0} s of VACUUM");
                return;
            }
            Thread.Sleep(100);
            connection.Execute(vacuum, commandTimeout: 0);
        }
    }
}
