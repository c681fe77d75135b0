namespace RelGen;

/// <summary>
/// SQLSTATE 57014, or Npgsql's command timeout: the statement was cancelled by <c>statement_timeout</c>, by an
/// administrator (<c>pg_cancel_backend</c>) or because it ran longer than the command timeout. Its work was rolled back.
/// When the caller's own <see cref="CancellationToken"/> cancelled it, RelGen throws <see cref="OperationCanceledException"/>
/// instead, as .NET does. Not transient: the same statement is likely to run as long again.
/// </summary>
public sealed class QueryCanceledException : DatabaseException
{
    public QueryCanceledException(string message, string? model, DatabaseOperation operation, Exception? inner)
        : base(message, "57014", model, operation, inner)
    {
    }
}
