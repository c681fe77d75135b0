namespace RelGen;

/// <summary>
/// SQLSTATE 25006: a write reached a server or transaction that only reads (a standby, <c>default_transaction_read_only</c>,
/// or a read-only transaction). Not transient: it is a question of where the write is sent, which retrying does not change.
/// </summary>
public sealed class ReadOnlyTransactionException : DatabaseException
{
    public ReadOnlyTransactionException(string message, string? model, DatabaseOperation operation, Exception? inner)
        : base(message, "25006", model, operation, inner)
    {
    }
}
