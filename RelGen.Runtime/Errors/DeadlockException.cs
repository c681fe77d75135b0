namespace RelGen;

/// <summary>
/// SQLSTATE 40P01: this transaction and another waited for each other's locks, and PostgreSQL rolled this one back.
/// Transient: run the whole transaction again (<c>RunInTransactionAsync</c> does).
/// </summary>
public sealed class DeadlockException : DatabaseException
{
    public DeadlockException(string message, string? model, DatabaseOperation operation, Exception? inner)
        : base(message, "40P01", model, operation, inner)
    {
    }

    public override bool IsTransient => true;
}
