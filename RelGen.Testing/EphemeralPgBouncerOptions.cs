namespace RelGen.Testing;

/// <summary>How <see cref="EphemeralPgBouncer"/> pools.</summary>
public sealed class EphemeralPgBouncerOptions
{
    /// <summary>
    /// Folders where packages install <c>pgbouncer</c>, looked in after <c>RELGEN_PGBOUNCER</c> and
    /// PATH (Debian puts it in /usr/sbin, which an ordinary user's PATH lacks).
    /// </summary>
    internal static readonly IReadOnlyList<string> DefaultInstallFolders =
        ["/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin", "/opt/homebrew/bin"];

    /// <summary>The pool mode; <see cref="PgBouncerPoolMode.Transaction"/> unless set.</summary>
    public PgBouncerPoolMode PoolMode { get; init; } = PgBouncerPoolMode.Transaction;

    /// <summary>Server connections per database and user (<c>default_pool_size</c>); 10 unless set.</summary>
    public int PoolSize { get; init; } = 10;

    /// <summary>Client connections PgBouncer accepts in all (<c>max_client_conn</c>); 1000 unless set.</summary>
    public int MaxClientConnections { get; init; } = 1000;

    internal Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    internal IReadOnlyList<string> InstallFolders { get; init; } = DefaultInstallFolders;

    /// <summary>The folder that holds the pooler's <c>relgen-pg-*</c> folder.</summary>
    internal string TempRoot { get; init; } = Path.GetTempPath();
}
