namespace RelGen.Testing;

/// <summary>Where <see cref="EphemeralPostgres"/> gets its server.</summary>
public enum EphemeralPostgresMode
{
    /// <summary>
    /// <c>RELGEN_TEST_MODE</c> when it is set; otherwise <c>RELGEN_TEST_CONNECTION</c>'s server when that
    /// is set, else a local server when PostgreSQL's binaries are installed, else a container when a
    /// Docker engine answers.
    /// </summary>
    Auto,

    /// <summary>A server started from the machine's PostgreSQL binaries (initdb, pg_ctl) in a temporary folder.</summary>
    Local,

    /// <summary>A PostgreSQL container started through Testcontainers on a Docker engine.</summary>
    Container,

    /// <summary>The existing server named by <c>RELGEN_TEST_CONNECTION</c>; nothing is started.</summary>
    External,
}
