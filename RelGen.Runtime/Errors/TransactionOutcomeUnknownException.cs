namespace RelGen;

/// <summary>
/// The connection broke after a commit was sent and before PostgreSQL confirmed it: the transaction may or may not have been
/// committed. This covers <c>CommitAsync</c>, and a write outside a transaction (its statement is its own transaction).
/// Not transient: running the work again could do it twice. Check the database (or make the work idempotent) first.
/// </summary>
public sealed class TransactionOutcomeUnknownException : DatabaseException
{
    public TransactionOutcomeUnknownException(string message, string? sqlState, string? model, DatabaseOperation operation, Exception? inner)
        : base(message, sqlState, model, operation, inner)
    {
    }
}
