namespace RelGen.Execution;

/// <summary>Where in an operation an error arrived, which decides what a lost connection means.</summary>
internal enum ExecutionStage
{
    /// <summary>Opening a connection: nothing was sent.</summary>
    Connecting,

    /// <summary>Running statements; their effects commit with a transaction, or alone when there is none.</summary>
    Executing,

    /// <summary>A COMMIT was sent: a lost connection leaves its outcome unknown.</summary>
    Committing,
}
