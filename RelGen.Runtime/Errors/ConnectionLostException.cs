namespace RelGen;

/// <summary>
/// The connection broke while RelGen used it, before anything could have been committed: the server ended the session
/// (57P01 admin shutdown, 57P02 crash shutdown, a terminated backend), the network failed (no SQLSTATE), or a transaction's
/// connection had already been lost. Whatever the operation wrote was rolled back with its transaction, or was only a
/// read. Transient: run the work again, in a new transaction (a transaction whose connection is lost cannot go on).
/// </summary>
public sealed class ConnectionLostException : DatabaseException
{
    public ConnectionLostException(string message, string? sqlState, string? model, DatabaseOperation operation, Exception? inner)
        : base(message, sqlState, model, operation, inner)
    {
    }

    public override bool IsTransient => true;
}
