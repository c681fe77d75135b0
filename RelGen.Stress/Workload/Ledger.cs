using System.Collections.Concurrent;

namespace RelGen.Stress.Workload;

/// <summary>
/// Everything the writers were told: each operation with its outcome, the rows acknowledged operations created, and the moves
/// of the rows each writer owns. The checks compare it with the database's final state and its log of deleted rows.
/// </summary>
internal sealed class Ledger
{
    private long _nextOperation;

    public ConcurrentDictionary<long, OperationRecord> Operations { get; } = new();

    /// <summary>Rows acknowledged as created: table, key, and the parent key the row was created under (or null).</summary>
    public ConcurrentQueue<(string Table, int Id, int? Parent)> Created { get; } = new();

    /// <summary>Moves of owned rows, in each owner's order: table, key, target parent, outcome.</summary>
    public ConcurrentQueue<(string Table, int Id, long Operation, int Target, Outcome Outcome)> Moves { get; } = new();

    public ConcurrentDictionary<string, int> Errors { get; } = new();

    public ConcurrentQueue<string> Untyped { get; } = new();

    private int _retries;

    public int Retries => _retries;

    public OperationRecord Start(int writer, string kind)
    {
        var record = new OperationRecord(Interlocked.Increment(ref _nextOperation), writer, kind);
        Operations[record.Id] = record;
        return record;
    }

    public void Retried() => Interlocked.Increment(ref _retries);

    public void Error(string name) => Errors.AddOrUpdate(name, 1, (_, n) => n + 1);

    /// <summary>The operation whose name prefix starts <paramref name="name"/>, or null.</summary>
    public OperationRecord? OperationOf(string name)
    {
        if (name.Length < 2 || name[0] != 'o')
            return null;
        var dot = name.IndexOf('.');
        return dot > 1 && long.TryParse(name.AsSpan(1, dot - 1), out var id) && Operations.TryGetValue(id, out var record) ? record : null;
    }
}
