namespace RelGen;

/// <summary>
/// No connection could be opened, so nothing was sent: the server refused or did not answer, is starting up or shutting
/// down (57P03), has no connection slot left (53300), or the connection pool had none free in time. Transient.
/// </summary>
public sealed class CannotConnectException : DatabaseException
{
    public CannotConnectException(string message, string? sqlState, string? model, DatabaseOperation operation, Exception? inner)
        : base(message, sqlState, model, operation, inner)
    {
    }

    public override bool IsTransient => true;
}
