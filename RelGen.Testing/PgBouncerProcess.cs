using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RelGen.Testing;

/// <summary>
/// One throwaway PgBouncer in its own <c>relgen-pg-*</c> folder: <c>pgbouncer.ini</c>,
/// <c>userlist.txt</c>, <c>pgbouncer.log</c>, <c>pgbouncer.pid</c> and <c>owner.pid</c>, so
/// the exit hooks and the stale-folder sweep remove it the way they remove a cluster. Like
/// pg_ctl's postmaster, the pooler runs detached (<c>pgbouncer -d</c>), as the <c>postgres</c>
/// OS user when running as root (it refuses to run as root).
/// </summary>
internal sealed class PgBouncerProcess : IThrowawayServer
{
    public const string ConfigFileName = "pgbouncer.ini";
    const string PidFileName = "pgbouncer.pid";
    const int StartAttempts = 5;
    static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(15);

    readonly string program;
    readonly bool runAsPostgres;
    int removed;

    PgBouncerProcess(string rootDirectory, string program, bool runAsPostgres)
    {
        RootDirectory = rootDirectory;
        this.program = program;
        this.runAsPostgres = runAsPostgres;
    }

    public string RootDirectory { get; }

    public int Port { get; private set; }

    public string LogFile => Path.Combine(RootDirectory, "pgbouncer.log");

    string ConfigFile => Path.Combine(RootDirectory, ConfigFileName);

    public static PgBouncerProcess Create(string tempRoot, string program, bool runAsPostgres) =>
        new(LocalCluster.CreateRootFolder(tempRoot), program, runAsPostgres);

    /// <summary>
    /// <c>RELGEN_PGBOUNCER</c> (the program's path), then PATH, then the packages' install folders.
    /// </summary>
    /// <exception cref="PgBouncerNotFoundException">Nothing usable was found.</exception>
    public static string Locate(EphemeralPgBouncerOptions options)
    {
        string? pinned = options.GetEnvironmentVariable(EphemeralPgBouncer.ProgramEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(pinned))
        {
            return File.Exists(pinned) ? pinned : throw new PgBouncerNotFoundException(
                $"{EphemeralPgBouncer.ProgramEnvironmentVariable} is set to '{pinned}', but there is no such file." + Environment.NewLine + Remedies);
        }
        string[] path = (options.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (string folder in path.Concat(options.InstallFolders))
        {
            string candidate = Path.Combine(folder, "pgbouncer");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new PgBouncerNotFoundException(
            $"PgBouncer (the pgbouncer program) was not found in {EphemeralPgBouncer.ProgramEnvironmentVariable}, PATH{string.Concat(options.InstallFolders.Select(folder => ", " + folder))}."
            + Environment.NewLine + Remedies);
    }

    static string Remedies => string.Join(
        Environment.NewLine,
        "Do one of:",
        "  - install it: `sudo apt-get install pgbouncer` on Debian/Ubuntu (no service needs to run; tests start their own), `brew install pgbouncer` on macOS;",
        $"  - point {EphemeralPgBouncer.ProgramEnvironmentVariable} at the pgbouncer program, e.g. {EphemeralPgBouncer.ProgramEnvironmentVariable}=/usr/sbin/pgbouncer.");

    /// <summary>Writes the configuration and starts the pooler on a free loopback port; returns once it listens.</summary>
    public async Task StartAsync(PgBouncerSettings settings, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            // Free now but not reserved, as for the postmaster: on a lost race, another port.
            Port = FindFreePort();
            File.Delete(LogFile);
            await WriteFilesAsync(settings, cancellationToken).ConfigureAwait(false);
            // Through sh to raise the open-files limit to the hard limit first (runuser leaves the soft
            // 1024, which caps clients near 1000); exec keeps pgbouncer's own command line.
            string[] command = ["sh", "-c", "ulimit -n \"$(ulimit -Hn)\" 2>/dev/null; exec \"$0\" \"$@\"", program, "-d", ConfigFile];
            if (runAsPostgres)
            {
                await ProcessRunner.RunAsync("chown", ["-R", "postgres", RootDirectory], null, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
                command = ["runuser", "-u", "postgres", "--", .. command];
            }
            // -d forks a detached daemon and exits 0 before it listens: whether it started shows in its log.
            await ProcessRunner.RunAsync(command[0], command[1..], RootDirectory, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            string? failure = await WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
            if (failure is null)
                return;
            if (attempt < StartAttempts && failure.Contains("Address already in use", StringComparison.Ordinal))
                continue;
            throw new InvalidOperationException($"PgBouncer did not start on 127.0.0.1:{Port}.{Environment.NewLine}Its log ({LogFile}):{Environment.NewLine}{failure}");
        }
    }

    /// <summary>Stops the pooler and deletes the folder; only the first call does anything.</summary>
    public ValueTask RemoveAsync(bool async) =>
        Interlocked.Exchange(ref removed, 1) == 0 ? LocalCluster.RemoveFolderAsync(RootDirectory, async) : default;

    /// <summary>True while the pooler named in the folder's pid file runs.</summary>
    public bool IsRunning => RunningPid(RootDirectory) is not null;

    /// <summary>
    /// Kills the PgBouncer named in <paramref name="rootDirectory"/>'s pid file, if it still runs
    /// and really is that folder's (its command line names the folder's configuration). SIGKILL:
    /// a throwaway pooler has nothing to flush, and its shutdown signals changed meaning between
    /// versions (since 1.23 SIGTERM waits for every client to leave).
    /// </summary>
    public static async ValueTask StopAsync(string rootDirectory, bool async)
    {
        if (RunningPid(rootDirectory) is int pid)
            await UnixProcess.SignalAndWaitAsync(pid, NativeMethods.SIGKILL, TimeSpan.FromSeconds(10), async).ConfigureAwait(false);
    }

    static int? RunningPid(string rootDirectory)
    {
        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(rootDirectory, PidFileName)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || !UnixProcess.IsAlive(pid))
            return null;
        try
        {
            if (OperatingSystem.IsLinux())
                return File.ReadAllText($"/proc/{pid}/cmdline").Contains(Path.Combine(rootDirectory, ConfigFileName), StringComparison.Ordinal) ? pid : null;
            using var process = Process.GetProcessById(pid);
            return process.ProcessName == "pgbouncer" ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    async Task WriteFilesAsync(PgBouncerSettings settings, CancellationToken cancellationToken)
    {
        string userList = Path.Combine(RootDirectory, "userlist.txt");
        // With auth_type=trust PgBouncer asks clients for nothing but still wants the user in its auth
        // file; a password there is what it answers the server with, should the server ask.
        await File.WriteAllTextAsync(userList, $"{Quote(settings.User)} {Quote(settings.Password ?? "")}\n", cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(userList, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var ini = new StringBuilder()
            .AppendLine("; RelGen.Testing: a throwaway PgBouncer; every database name goes to the same server.")
            .AppendLine("[databases]")
            .AppendLine(CultureInfo.InvariantCulture, $"* = host={settings.ServerHost} port={settings.ServerPort}")
            .AppendLine("[pgbouncer]")
            .AppendLine("listen_addr = 127.0.0.1")
            .AppendLine(CultureInfo.InvariantCulture, $"listen_port = {Port}")
            .AppendLine("unix_socket_dir =")
            .AppendLine("auth_type = trust")
            .AppendLine(CultureInfo.InvariantCulture, $"auth_file = {userList}")
            .AppendLine(CultureInfo.InvariantCulture, $"admin_users = {settings.User}")
            .AppendLine(CultureInfo.InvariantCulture, $"pool_mode = {settings.PoolMode.ToString().ToLowerInvariant()}")
            .AppendLine(CultureInfo.InvariantCulture, $"default_pool_size = {settings.PoolSize}")
            .AppendLine(CultureInfo.InvariantCulture, $"max_client_conn = {settings.MaxClientConnections}")
            .AppendLine("; Tests restart servers: log in again after 1 s rather than 15.")
            .AppendLine("server_login_retry = 1")
            .AppendLine(CultureInfo.InvariantCulture, $"logfile = {LogFile}")
            .AppendLine(CultureInfo.InvariantCulture, $"pidfile = {Path.Combine(RootDirectory, PidFileName)}");
        await File.WriteAllTextAsync(ConfigFile, ini.ToString(), cancellationToken).ConfigureAwait(false);
    }

    // The auth file's format: each field in double quotes, a double quote inside doubled.
    static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Null once the log says the pooler listens on the port and its pid file names a live process; else the log.</summary>
    async Task<string?> WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        string listening = $"listening on 127.0.0.1:{Port}";
        var clock = Stopwatch.StartNew();
        while (true)
        {
            string log = ReadLog();
            if (log.Contains(listening, StringComparison.Ordinal) && IsRunning)
                return null;
            if (log.Contains("FATAL", StringComparison.Ordinal) || clock.Elapsed > StartPatience)
            {
                // Gone or hung: either way not ours to keep.
                await StopAsync(RootDirectory, async: true).ConfigureAwait(false);
                return log.Length > 0 ? log : "(empty)";
            }
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }

    string ReadLog()
    {
        try
        {
            return File.ReadAllText(LogFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
