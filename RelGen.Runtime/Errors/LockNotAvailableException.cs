namespace RelGen;

/// <summary>
/// SQLSTATE 55P03: a row or table lock could not be taken at once (<c>NOWAIT</c>) or within <c>lock_timeout</c>.
/// Transient: the lock may be free on the next attempt.
/// </summary>
public sealed class LockNotAvailableException : DatabaseException
{
    public LockNotAvailableException(string message, string? model, DatabaseOperation operation, Exception? inner)
        : base(message, "55P03", model, operation, inner)
    {
    }

    public override bool IsTransient => true;
}
