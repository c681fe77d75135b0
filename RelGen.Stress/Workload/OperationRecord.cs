namespace RelGen.Stress.Workload;

/// <summary>One operation a writer ran, as the ledger keeps it.</summary>
internal sealed class OperationRecord(long id, int writer, string kind)
{
    public long Id { get; } = id;

    public int Writer { get; } = writer;

    public string Kind { get; } = kind;

    public Outcome Outcome { get; set; }

    /// <summary>The exception's type name when it threw.</summary>
    public string? Error { get; set; }

    /// <summary>For a delete: the table and key of the row it targeted.</summary>
    public (string Table, int Id)? Root { get; set; }

    /// <summary>For an acknowledged delete: what it said it removed.</summary>
    public DeleteResult? Result { get; set; }

    /// <summary>Rows the current attempt created, filed in the ledger once the operation is acknowledged.</summary>
    public List<(string Table, int Id, int? Parent)> Created { get; } = [];

    /// <summary>Moves the current attempt made (or was about to make), filed once the outcome is known.</summary>
    public List<(string Table, int Id, int Target)> Moves { get; } = [];

    /// <summary>Forgets what an attempt that was rolled back did, before a retry.</summary>
    public void ResetAttempt()
    {
        Result = null;
        Created.Clear();
        Moves.Clear();
    }

    /// <summary>The prefix of the names of every row it creates, so a row found later names its operation.</summary>
    public string NamePrefix => $"o{Id}.";
}
