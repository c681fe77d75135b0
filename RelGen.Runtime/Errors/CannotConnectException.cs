namespace RelGen;

/// <summary>
/// No connection could be opened, so nothing was sent: the server refused or did not answer, is starting up or shutting
/// down (57P03), has no connection slot left (53300), or the connection pool had none free in time. Transient.
/// </summary>
public sealed class CannotConnectException : DatabaseException
{
    /// <summary>Creates the error for a connection that could not be opened; <paramref name="sqlState"/> is the server's refusal (e.g. 53300), or null when none came.</summary>
    public CannotConnectException(string message, string? sqlState, string? model, DatabaseOperation operation, Exception? inner)
        : base(message, sqlState, model, operation, inner)
    {
    }

    /// <summary>Always true: nothing was sent, so the work can be tried again once a connection opens.</summary>
    public override bool IsTransient => true;
}
