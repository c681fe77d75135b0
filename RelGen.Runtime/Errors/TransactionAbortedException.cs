namespace RelGen;

/// <summary>
/// SQLSTATE 25P02: an earlier statement of this transaction (or savepoint) failed, so PostgreSQL ignores everything until it
/// is rolled back. RelGen throws it without sending anything when work goes on in such a transaction, and from
/// <c>CommitAsync</c>, which then rolls back instead (PostgreSQL would answer COMMIT with a silent rollback). Roll back, or
/// dispose the savepoint the failure happened in, to continue. <see cref="Exception.InnerException"/> is the first failure.
/// Transient when that failure was.
/// </summary>
public sealed class TransactionAbortedException : DatabaseException
{
    public TransactionAbortedException(string message, string? model, DatabaseOperation operation, Exception? firstFailure)
        : base(message, "25P02", model, operation, firstFailure)
    {
    }

    public override bool IsTransient => InnerException is DatabaseException { IsTransient: true };
}
