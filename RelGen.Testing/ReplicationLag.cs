using NpgsqlTypes;

namespace RelGen.Testing;

/// <summary>How far the standby of an <see cref="EphemeralReplicaSet"/> is behind its primary at one moment.</summary>
/// <param name="PrimaryFlushLsn">The end of the WAL the primary has flushed (<c>pg_current_wal_flush_lsn()</c>): every commit acknowledged so far.</param>
/// <param name="StandbyReplayLsn">The end of the WAL the standby has replayed (<c>pg_last_wal_replay_lsn()</c>): what its queries see.</param>
/// <param name="ReportedReplayLag">
/// <c>pg_stat_replication.replay_lag</c> as the primary last heard it from the standby: the time
/// between the primary flushing recent WAL and the standby replaying it. Null before the standby
/// has reported, or when it has replayed everything and nothing new was written since.
/// </param>
public sealed record ReplicationLag(
    NpgsqlLogSequenceNumber PrimaryFlushLsn,
    NpgsqlLogSequenceNumber StandbyReplayLsn,
    TimeSpan? ReportedReplayLag)
{
    /// <summary>The WAL bytes the standby has still to replay; 0 when it has caught up.</summary>
    public long Bytes => StandbyReplayLsn >= PrimaryFlushLsn ? 0 : (long)(ulong)PrimaryFlushLsn - (long)(ulong)StandbyReplayLsn;

    /// <summary>True when the standby has replayed everything the primary had flushed.</summary>
    public bool CaughtUp => Bytes == 0;
}
