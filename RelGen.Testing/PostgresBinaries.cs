using System.Globalization;

namespace RelGen.Testing;

/// <summary>The PostgreSQL server programs a throwaway server is made with, and how they are found.</summary>
internal sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    static readonly string ExeSuffix = OperatingSystem.IsWindows() ? ".exe" : "";

    /// <summary>
    /// <c>RELGEN_PG_BIN</c>, then <c>initdb</c>/<c>pg_ctl</c> on PATH, then <c>pg_config --bindir</c>,
    /// then the packages' install folders (highest version first).
    /// </summary>
    /// <exception cref="PostgresNotFoundException">Nothing usable was found.</exception>
    public static async Task<PostgresBinaries> LocateAsync(EphemeralPostgresOptions options, CancellationToken cancellationToken) =>
        await TryLocateAsync(options, cancellationToken).ConfigureAwait(false)
        ?? throw new PostgresNotFoundException(
            $"No PostgreSQL server binaries (initdb, pg_ctl) were found to start a throwaway server, and {EphemeralPostgres.ConnectionEnvironmentVariable} is not set. "
            + SearchedPlaces(options) + Environment.NewLine + Remedies);

    /// <summary>As <see cref="LocateAsync"/>, but null when nothing is installed (a RELGEN_PG_BIN that holds no binaries still throws).</summary>
    public static async Task<PostgresBinaries?> TryLocateAsync(EphemeralPostgresOptions options, CancellationToken cancellationToken)
    {
        string? pinned = options.GetEnvironmentVariable(EphemeralPostgres.BinEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(pinned))
        {
            // An explicit choice that does not work is a mistake to report, not a hint to look elsewhere.
            return InDirectory(pinned) ?? throw new PostgresNotFoundException(
                $"{EphemeralPostgres.BinEnvironmentVariable} is set to '{pinned}', but that folder holds no initdb and pg_ctl."
                + Environment.NewLine + Remedies);
        }

        string[] path = (options.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (FindOnPath(path, "initdb") is string initDb && FindOnPath(path, "pg_ctl") is string pgCtl)
            return new PostgresBinaries(initDb, pgCtl);

        if (FindOnPath(path, "pg_config") is string pgConfig
            && await BinDirectoryFromPgConfigAsync(pgConfig, cancellationToken).ConfigureAwait(false) is string configured
            && InDirectory(configured) is PostgresBinaries fromConfig)
        {
            return fromConfig;
        }

        foreach (string candidate in options.InstallPatterns.SelectMany(ExpandByVersionDescending))
        {
            if (InDirectory(candidate) is PostgresBinaries installed)
                return installed;
        }

        return null;
    }

    public static string SearchedPlaces(EphemeralPostgresOptions options) =>
        $"Searched {EphemeralPostgres.BinEnvironmentVariable}, PATH, `pg_config --bindir`{string.Concat(options.InstallPatterns.Select(pattern => ", " + pattern))}.";

    public static string Remedies =>
        string.Join(
            Environment.NewLine,
            "Do one of:",
            "  - install PostgreSQL: `sudo apt-get install postgresql` on Debian/Ubuntu, `brew install postgresql@17` on macOS;",
            $"  - point {EphemeralPostgres.BinEnvironmentVariable} at the folder holding initdb and pg_ctl, e.g. {EphemeralPostgres.BinEnvironmentVariable}=/usr/lib/postgresql/17/bin;",
            $"  - set {EphemeralPostgres.ConnectionEnvironmentVariable} to the connection string of a server where the user may create databases, "
                + $"e.g. {EphemeralPostgres.ConnectionEnvironmentVariable}=\"Host=localhost;Username=postgres;Password=secret\".");

    static PostgresBinaries? InDirectory(string directory)
    {
        string initDb = Path.Combine(directory, "initdb" + ExeSuffix);
        string pgCtl = Path.Combine(directory, "pg_ctl" + ExeSuffix);
        return File.Exists(initDb) && File.Exists(pgCtl) ? new PostgresBinaries(initDb, pgCtl) : null;
    }

    static string? FindOnPath(string[] path, string program) =>
        path.Select(directory => Path.Combine(directory, program + ExeSuffix)).FirstOrDefault(File.Exists);

    static async Task<string?> BinDirectoryFromPgConfigAsync(string pgConfig, CancellationToken cancellationToken)
    {
        try
        {
            string output = await ProcessRunner.RunAsync(pgConfig, ["--bindir"], null, TimeSpan.FromSeconds(10), cancellationToken)
                .ConfigureAwait(false);
            return output.Trim();
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            return null;   // A broken pg_config is one place fewer to look, not a reason to stop looking.
        }
    }

    /// <summary>"/usr/lib/postgresql/*/bin" -> "/usr/lib/postgresql/17/bin", ".../15/bin", ... .</summary>
    static IEnumerable<string> ExpandByVersionDescending(string pattern)
    {
        int star = pattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
            return [pattern];
        int slash = pattern.LastIndexOfAny(['/', '\\'], star);
        string parent = pattern[..Math.Max(slash, 0)];
        string prefix = pattern[(slash + 1)..star];
        string rest = pattern[(star + 1)..].TrimStart('/', '\\');
        if (parent.Length == 0 || !Directory.Exists(parent))
            return [];
        return Directory.EnumerateDirectories(parent, prefix + "*")
            .Select(directory => (Version: ParseVersion(Path.GetFileName(directory)[prefix.Length..]), Directory: directory))
            .Where(found => found.Version is not null)
            .OrderByDescending(found => found.Version)
            .Select(found => Path.Combine(found.Directory, rest));
    }

    // "9.6" and "17" alike; System.Version wants at least two parts.
    static Version? ParseVersion(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int major) ? new Version(major, 0)
        : Version.TryParse(text, out var version) ? version
        : null;
}
