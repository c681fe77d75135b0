using System.Diagnostics.CodeAnalysis;
using Npgsql;
using RelGen.Execution;

namespace RelGen.Query;

/// <summary>
/// Stopping a read before its last row (a cancelled token, a stream left early). Disposing the reader would otherwise
/// receive and drop every remaining row, which for a large result takes as long as reading it; asking the server to cancel
/// the statement first ends it at once, and the connection stays usable (a cancel reaching a statement that has already
/// finished is ignored by the server). Inside a transaction the rest is drained instead: a cancelled statement would abort
/// the transaction, which the caller may still want to use.
/// </summary>
internal static class AbandonedRead
{
    public static void CancelStatement(NpgsqlCommand command, in ConnectionLease lease)
    {
        if (lease.Ambient is not null)
            return;
        try
        {
            command.Cancel();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            // Best effort: without it, disposing the reader drains the rows.
        }
    }

    /// <summary>Cancels the statement (outside a transaction) and throws the token's <see cref="OperationCanceledException"/>.</summary>
    [DoesNotReturn]
    public static void Throw(NpgsqlCommand command, in ConnectionLease lease, CancellationToken cancellationToken)
    {
        CancelStatement(command, lease);
        throw new OperationCanceledException(cancellationToken);
    }
}
