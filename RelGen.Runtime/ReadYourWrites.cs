namespace RelGen;

/// <summary>
/// How a database with read replicas keeps an async flow from reading its own writes stale: after a write (or a committed
/// transaction), the flow's replica reads go to the primary until the condition says the replica has the write. A query opts
/// out with <c>AllowStale()</c>.
/// </summary>
public enum ReadYourWrites
{
    /// <summary>
    /// Until the replica has replayed the write: RelGen reads the primary's WAL position after each write
    /// (<c>pg_current_wal_insert_lsn()</c>, one round trip on the write's connection) and, before a replica read of the same
    /// flow, the replica's (<c>pg_last_wal_replay_lsn()</c>, one round trip, skipped once that replica is known to be past
    /// it). Never stale, however large the lag. The default.
    /// </summary>
    ReplayedLsn,

    /// <summary>
    /// For <see cref="RelGenDatabase.ReadYourWritesWindow"/> after the write: no extra round trip, but a read after the window
    /// is stale when the replica lags more than the window.
    /// </summary>
    Window,

    /// <summary>Replica reads go to the replica even right after the flow's own write.</summary>
    Off,
}
