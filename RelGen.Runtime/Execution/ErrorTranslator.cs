using System.Data;
using Npgsql;

namespace RelGen.Execution;

/// <summary>
/// The one place where the driver's exceptions become RelGen's typed errors, and where a transaction learns that a statement
/// of it failed or that its connection broke. Every execution site's catch filter comes here (through
/// <see cref="ConnectionLease.Translate"/>, <see cref="RelGenDatabase.AcquireAsync"/> and the transaction's commit). It
/// returns null for what is not a database error, and for the caller's own cancellation, which stays an
/// <see cref="OperationCanceledException"/>.
/// </summary>
internal static class ErrorTranslator
{
    public static Exception? Translate(Exception error, RelGenTransaction? transaction, NpgsqlConnection? connection,
        DatabaseOperation operation, string? model, ExecutionStage stage, CancellationToken cancellationToken)
    {
        if (error is RelGenException)
            return null;
        var broken = stage != ExecutionStage.Connecting && IsBroken(error, connection);
        var translated = Classify(error, transaction is not null, broken, operation, model, stage);
        if (cancellationToken.IsCancellationRequested && IsCancellation(error))
        {
            // The caller's token: .NET's OperationCanceledException, as Npgsql throws it. When the statement had reached the
            // server (the exception wraps the server's 57014), a transaction around it is aborted, or gone if the
            // cancellation broke the connection.
            if (stage != ExecutionStage.Connecting)
                transaction?.OnStatementFailed(translated ?? Canceled(error, operation, model), broken, aborted: error.InnerException is NpgsqlException);
            return null;
        }
        // Any error the server or the driver reported aborts the transaction (PostgreSQL ignores everything after it).
        if (translated is not null && stage != ExecutionStage.Connecting)
            transaction?.OnStatementFailed(translated, broken, aborted: error is NpgsqlException);
        return translated;
    }

    private static DatabaseException? Classify(Exception error, bool inTransaction, bool broken, DatabaseOperation operation, string? model,
        ExecutionStage stage)
    {
        var what = DatabaseException.Describe(operation, model);
        var postgres = error as PostgresException ?? error.InnerException as PostgresException;
        var state = postgres?.SqlState;
        var detail = postgres is null ? error.Message : $"{postgres.SqlState}: {postgres.MessageText}";
        if (stage == ExecutionStage.Connecting)
        {
            return IsConnectionClass(state) || (postgres is null && error is NpgsqlException { IsTransient: true }) || NoHostAvailable(error)
                ? new CannotConnectException($"{what} could not connect to PostgreSQL ({detail}). Nothing was sent.", state, model, operation, error)
                : error is NpgsqlException ? new DatabaseException($"{what} could not connect to PostgreSQL ({detail}).", state, model, operation, error) : null;
        }
        if (broken)
        {
            if (stage == ExecutionStage.Committing || (!inTransaction && IsWrite(operation)))
            {
                return new TransactionOutcomeUnknownException(
                    $"The connection to PostgreSQL was lost during {what} before the server confirmed its commit ({detail}): it may or may not have "
                    + "been committed. Check the database before doing it again.", state, model, operation, error);
            }
            return new ConnectionLostException(
                $"The connection to PostgreSQL was lost during {what} ({detail}). "
                + (inTransaction ? "The transaction was rolled back; run it again in a new one." : "Nothing was committed; it is safe to run again."),
                state, model, operation, error);
        }
        if (postgres is not null)
        {
            return state switch
            {
                _ when state!.StartsWith("23", StringComparison.Ordinal) => new IntegrityException(postgres, model, operation),
                "40001" => new SerializationFailureException($"{what} failed: {detail}. The transaction was rolled back; run it again.", model, operation, error),
                "40P01" => new DeadlockException($"{what} failed: {detail}. The transaction was rolled back; run it again.", model, operation, error),
                "55P03" => new LockNotAvailableException($"{what} failed: {detail}.", model, operation, error),
                "25006" => new ReadOnlyTransactionException($"{what} failed: {detail}. The write reached a server or transaction that only reads.", model, operation, error),
                "57014" => new QueryCanceledException($"{what} was cancelled: {detail}.", model, operation, error),
                "25P02" => new TransactionAbortedException($"{what} failed: {detail}.", model, operation, error),
                _ => new DatabaseException($"{what} failed: {detail}.", state, model, operation, error),
            };
        }
        if (error is NpgsqlException && error.InnerException is TimeoutException)
            return new QueryCanceledException($"{what} ran longer than the command timeout and was cancelled ({detail}).", model, operation, error);
        if (error is NpgsqlException)
            return new DatabaseException($"{what} failed: {detail}.", null, model, operation, error);
        return null;
    }

    /// <summary>True when the connection can no longer be used: the server ended the session, or the socket failed.</summary>
    private static bool IsBroken(Exception error, NpgsqlConnection? connection)
    {
        if (connection is not null && ((connection.FullState & ConnectionState.Broken) != 0 || connection.State == ConnectionState.Closed))
            return true;
        return error switch
        {
            PostgresException postgres => postgres.InvariantSeverity is "FATAL" or "PANIC" || IsConnectionClass(postgres.SqlState),
            NpgsqlException npgsql => npgsql.InnerException is IOException or System.Net.Sockets.SocketException or EndOfStreamException,
            _ => false,
        };
    }

    /// <summary>Connection exceptions (08), operator intervention that ends sessions (57P01-57P03), too many connections (53300).</summary>
    private static bool IsConnectionClass(string? state)
        => state is not null && (state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "53300");

    /// <summary>
    /// A multi-host data source found no server in the wanted state: each failed to connect, or none is (yet) the primary, as
    /// while a standby is being promoted. Npgsql does not mark it transient; for RelGen it is a failure to connect.
    /// </summary>
    private static bool NoHostAvailable(Exception error) => error switch
    {
        PostgresException => false,
        NpgsqlException { InnerException: AggregateException aggregate }
            => aggregate.InnerExceptions.All(e => e is NpgsqlException { IsTransient: true } || (e is PostgresException p && IsConnectionClass(p.SqlState))),
        NpgsqlException { InnerException: null, Message: "No suitable host was found." } => true,
        _ => false,
    };

    private static bool IsCancellation(Exception error)
        => error is OperationCanceledException || error.InnerException is OperationCanceledException;

    private static QueryCanceledException Canceled(Exception error, DatabaseOperation operation, string? model)
        => new($"{DatabaseException.Describe(operation, model)} was cancelled by the caller.", model, operation, error);

    /// <summary>Operations that change data: outside a transaction, a lost connection leaves their outcome unknown.</summary>
    private static bool IsWrite(DatabaseOperation operation)
        => operation is DatabaseOperation.Save or DatabaseOperation.BulkCreate or DatabaseOperation.Update or DatabaseOperation.Delete
            or DatabaseOperation.Sql or DatabaseOperation.Schema;
}
