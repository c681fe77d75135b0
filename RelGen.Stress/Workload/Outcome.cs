namespace RelGen.Stress.Workload;

/// <summary>What a writer knows of an operation once it returned.</summary>
internal enum Outcome
{
    /// <summary>It returned normally: its effects must be in the database (until a later operation undoes them).</summary>
    Acknowledged,

    /// <summary>It threw an error that says nothing was committed: none of its effects may be in the database.</summary>
    Failed,

    /// <summary>It threw an error that leaves the commit unknown (or was cancelled mid-write): either is allowed, but all or nothing.</summary>
    Uncertain,
}
