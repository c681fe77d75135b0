namespace RelGen;

/// <summary>
/// SQLSTATE 40001: PostgreSQL could not serialize this transaction against a concurrent one (REPEATABLE READ or
/// SERIALIZABLE) and rolled it back. Transient: run the whole transaction again (<c>RunInTransactionAsync</c> does).
/// </summary>
public sealed class SerializationFailureException : DatabaseException
{
    /// <summary>Creates the error for a serialization failure (SQLSTATE 40001) that rolled back this transaction.</summary>
    public SerializationFailureException(string message, string? model, DatabaseOperation operation, Exception? inner)
        : base(message, "40001", model, operation, inner)
    {
    }

    /// <summary>Always true: the transaction was rolled back and may succeed when run again.</summary>
    public override bool IsTransient => true;
}
