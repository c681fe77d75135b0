using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;

namespace RelGen.Execution;

/// <summary>
/// The replica side of a <see cref="RelGenDatabase"/> with read replicas: where replica reads connect, and read-your-writes.
/// The database decides first (<see cref="RelGenDatabase.AcquireReadAsync"/>): a transaction, a lock or a primary read never
/// gets here. Here a read goes to the replica unless the flow wrote something the replica may not have yet
/// (<see cref="ReadYourWrites"/>), in which case the caller uses the primary.
/// </summary>
internal sealed class ReplicaRouter
{
    private const string InsertLsnSql = "SELECT pg_current_wal_insert_lsn()";
    private const string ReplayLsnSql = "SELECT pg_last_wal_replay_lsn()";

    private readonly AsyncLocal<FlowWrites?> _flow = new();

    // The highest replay position seen per replica server (host:port): a flow whose write is below it reads there with no check.
    private readonly ConcurrentDictionary<string, ulong> _replayed = new();

    // Set by the first replica read: until then no write needs its WAL position, so writes on a database that never reads
    // from a replica pay nothing.
    private volatile bool _used;

    public ReplicaRouter(NpgsqlDataSource dataSource) => DataSource = dataSource;

    /// <summary>Where replica reads connect.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Replica reads are wanted here: from now on writes read their WAL position for read-your-writes.</summary>
    public void Use() => _used = true;

    /// <summary>Installs the flow's box in the caller's flow (see <see cref="FlowWrites"/>); cheap when it is there.</summary>
    public void TrackFlow()
    {
        if (_flow.Value is null)
            _flow.Value = new FlowWrites();
    }

    /// <summary>
    /// After a write outside a transaction, or a commit, on <paramref name="connection"/> (still open, on the primary): the
    /// flow's mark, with the primary's WAL position when <see cref="ReadYourWrites.ReplayedLsn"/> needs it. Never throws: a
    /// position that cannot be read leaves the mark without one, and the window applies.
    /// </summary>
    public async ValueTask AfterWriteAsync(RelGenDatabase database, NpgsqlConnection connection)
    {
        if (_flow.Value is not { } flow)
            return;
        if (!_used || database.ReadYourWrites != ReadYourWrites.ReplayedLsn || connection.State != System.Data.ConnectionState.Open)
        {
            flow.Written();
            return;
        }
        try
        {
            database.Log.Command(InsertLsnSql);
            await using var command = new NpgsqlCommand(InsertLsnSql, connection);
            var lsn = (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false))!;
            flow.WrittenUpTo((ulong)lsn);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            flow.Written();
        }
    }

    /// <summary>
    /// A replica connection for a read of this flow, or null when the read must go to the primary: the flow's own write may not
    /// be on the replica yet, or no replica could be reached (the primary answers instead; a replica is an optimisation, not a
    /// place a read must go).
    /// </summary>
    public async ValueTask<NpgsqlConnection?> OpenAsync(RelGenDatabase database, bool allowStale, bool sync, CancellationToken cancellationToken)
    {
        _used = true;
        ulong needed = 0;
        if (!allowStale && _flow.Value is { Wrote: true } flow && database.ReadYourWrites != ReadYourWrites.Off)
        {
            needed = database.ReadYourWrites == ReadYourWrites.ReplayedLsn ? flow.Lsn : 0;
            if (needed == 0 && flow.SinceWrite < database.ReadYourWritesWindow)
                return null;
        }
        NpgsqlConnection connection;
        try
        {
            connection = sync ? DataSource.OpenConnection() : await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e) when (e is not PostgresException { SqlState: var state } || state.StartsWith("08", StringComparison.Ordinal)
                                         || state is "57P01" or "57P02" or "57P03" or "53300")
        {
            return null;
        }
        if (needed == 0 || await HasReplayedAsync(database, connection, needed, sync, cancellationToken).ConfigureAwait(false))
            return connection;
        if (sync)
            connection.Dispose();
        else
            await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>True when the replica behind <paramref name="connection"/> has replayed WAL up to <paramref name="lsn"/>.</summary>
    private async ValueTask<bool> HasReplayedAsync(RelGenDatabase database, NpgsqlConnection connection, ulong lsn, bool sync, CancellationToken cancellationToken)
    {
        var server = $"{connection.Host}:{connection.Port}";
        if (_replayed.TryGetValue(server, out var known) && known >= lsn)
            return true;
        database.Log.Command(ReplayLsnSql);
        object? replayed;
        try
        {
            await using var command = new NpgsqlCommand(ReplayLsnSql, connection);
            replayed = sync ? command.ExecuteScalar() : await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or IOException)
        {
            return false;
        }
        // NULL: the server is not in recovery (a promoted standby, or a primary listed among the replicas): it has every write.
        if (replayed is not NpgsqlLogSequenceNumber position)
            return true;
        var value = (ulong)position;
        _replayed.AddOrUpdate(server, value, (_, old) => Math.Max(old, value));
        return value >= lsn;
    }
}
