namespace RelGen.Testing;

/// <summary>How a throwaway server is stopped (<c>pg_ctl stop -m</c>).</summary>
public enum ShutdownMode
{
    /// <summary>Waits for every client to disconnect, then shuts down cleanly.</summary>
    Smart,

    /// <summary>Ends every session (their open transactions roll back), then shuts down cleanly. What a planned failover does.</summary>
    Fast,

    /// <summary>Kills every server process at once, as a crash would; the next start runs crash recovery.</summary>
    Immediate,
}
