namespace RelGen;

/// <summary>
/// SQLSTATE 40001: PostgreSQL could not serialize this transaction against a concurrent one (REPEATABLE READ or
/// SERIALIZABLE) and rolled it back. Transient: run the whole transaction again (<c>RunInTransactionAsync</c> does).
/// </summary>
public sealed class SerializationFailureException : DatabaseException
{
    public SerializationFailureException(string message, string? model, DatabaseOperation operation, Exception? inner)
        : base(message, "40001", model, operation, inner)
    {
    }

    public override bool IsTransient => true;
}
