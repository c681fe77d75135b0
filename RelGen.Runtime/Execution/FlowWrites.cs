using System.Diagnostics;

namespace RelGen.Execution;

/// <summary>
/// What one async flow last wrote, for read-your-writes: when, and the primary's WAL position after it. A mutable box held by
/// an <see cref="AsyncLocal{T}"/>: an async method cannot change its caller's async-local values, but it can change an
/// object the caller's flow already holds, so the box is installed by RelGen's synchronous entry points (query sets, saves,
/// transactions) in the caller's own flow, and the write's async core fills it in. Flows started from this one (Task.Run,
/// parallel awaits) share it, which only makes them more careful.
/// </summary>
internal sealed class FlowWrites
{
    private long _writtenAt;
    private ulong _lsn;

    /// <summary>True once the flow wrote something.</summary>
    public bool Wrote => Volatile.Read(ref _writtenAt) != 0;

    /// <summary>A write just ended; its WAL position is not known (yet).</summary>
    public void Written()
    {
        lock (this)
        {
            _writtenAt = Stopwatch.GetTimestamp();
            _lsn = 0;
        }
    }

    /// <summary>The WAL position the primary had reached after the flow's latest write.</summary>
    public void WrittenUpTo(ulong lsn)
    {
        lock (this)
        {
            _writtenAt = Stopwatch.GetTimestamp();
            _lsn = Math.Max(_lsn, lsn);
        }
    }

    /// <summary>The WAL position a replica must have replayed, or 0 when the latest write's position is unknown.</summary>
    public ulong Lsn
    {
        get
        {
            lock (this)
                return _lsn;
        }
    }

    /// <summary>How long ago the latest write ended.</summary>
    public TimeSpan SinceWrite => Stopwatch.GetElapsedTime(Volatile.Read(ref _writtenAt));
}
