namespace RelGen.Testing;

/// <summary>
/// Where <see cref="EphemeralPostgres"/> looks for things, so tests can stage a machine without
/// PostgreSQL (or with a fake one) instead of changing the real environment.
/// </summary>
internal sealed class EphemeralPostgresOptions
{
    /// <summary>
    /// Folders where packages install the server binaries, one version per folder; <c>*</c>
    /// stands for the version and the highest one wins.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultInstallPatterns =
    [
        "/usr/lib/postgresql/*/bin",            // Debian, Ubuntu (postgresql-NN packages)
        "/usr/pgsql-*/bin",                     // RHEL, Fedora (PGDG packages)
        "/opt/homebrew/opt/postgresql@*/bin",   // Homebrew on Apple silicon (keg-only, not on PATH)
        "/usr/local/opt/postgresql@*/bin",      // Homebrew on Intel
    ];

    public static EphemeralPostgresOptions Default { get; } = new();

    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public IReadOnlyList<string> InstallPatterns { get; init; } = DefaultInstallPatterns;

    /// <summary>The folder that holds the servers' <c>relgen-pg-*</c> folders.</summary>
    public string TempRoot { get; init; } = Path.GetTempPath();
}
