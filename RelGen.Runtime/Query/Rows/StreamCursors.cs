namespace RelGen.Query;

/// <summary>
/// Names of the cursors streams declare inside transactions: unique in the process, so streams nested in one transaction
/// (over the same model or different ones) never collide. Not generic, so every model shares one counter.
/// </summary>
internal static class StreamCursors
{
    private static long _last;

    public static string Next() => "relgen_stream_" + Interlocked.Increment(ref _last);
}
