using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RelGen.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster in its own <c>relgen-pg-*</c> temporary folder: <c>data/</c>
/// (the cluster), <c>postgres.log</c>, and <c>owner.pid</c> (the id of the process that made it,
/// which lets a later run recognise the folder as abandoned when that process is gone).
/// </summary>
internal sealed partial class LocalCluster : IThrowawayServer
{
    public const string FolderPrefix = "relgen-pg-";
    public const string OwnerFileName = "owner.pid";

    // Appended to postgresql.conf: a server for tests, so speed beats durability; TCP on loopback
    // only, no unix socket (its folder may not exist or be writable, and paths are length-limited).
    const string Settings = """

        # RelGen.Testing: a throwaway server; durability traded for speed.
        listen_addresses = '127.0.0.1'
        unix_socket_directories = ''
        max_connections = 200
        fsync = off
        synchronous_commit = off
        full_page_writes = off

        """;

    const int StartAttempts = 5;

    readonly PostgresBinaries binaries;
    readonly bool runAsPostgres;
    int removed;

    LocalCluster(string rootDirectory, PostgresBinaries binaries, bool runAsPostgres)
    {
        RootDirectory = rootDirectory;
        this.binaries = binaries;
        this.runAsPostgres = runAsPostgres;
    }

    public string RootDirectory { get; }

    public string DataDirectory => DataDirectoryOf(RootDirectory);

    public int Port { get; private set; }

    string LogFile => Path.Combine(RootDirectory, "postgres.log");

    /// <summary>
    /// Makes the folder; <see cref="StartAsync"/> fills it. PostgreSQL refuses to run as root, so
    /// with <paramref name="runAsPostgres"/> (set when running as root) every program runs as the
    /// <c>postgres</c> OS user through <c>runuser</c>, and the folder belongs to that user.
    /// </summary>
    public static LocalCluster Create(string tempRoot, PostgresBinaries binaries, bool runAsPostgres) =>
        new(CreateRootFolder(tempRoot), binaries, runAsPostgres);

    /// <summary>A new <c>relgen-pg-*</c> folder (mode 700) holding <c>owner.pid</c>; also used for the throwaway PgBouncer.</summary>
    public static string CreateRootFolder(string tempRoot)
    {
        string root = Path.Combine(tempRoot, FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(Path.Combine(root, OwnerFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return root;
    }

    public static string DataDirectoryOf(string rootDirectory) => Path.Combine(rootDirectory, "data");

    /// <summary>initdb, then pg_ctl start on a free loopback port; returns once the server is ready.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => StartWithSettingsAsync("", cancellationToken);

    /// <summary>As <see cref="StartAsync(CancellationToken)"/>, with <paramref name="extraSettings"/> appended to postgresql.conf.</summary>
    public async Task StartWithSettingsAsync(string extraSettings, CancellationToken cancellationToken)
    {
        if (runAsPostgres)
            await ProcessRunner.RunAsync("chown", ["postgres", RootDirectory], null, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);

        // C locale: the same sort order and messages on every machine. --no-sync: nothing here needs to survive a crash.
        await RunAsync(
            binaries.InitDb,
            ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
            TimeSpan.FromMinutes(2),
            cancellationToken).ConfigureAwait(false);
        // Still owned by the user initdb ran as: appending does not change a file's owner.
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), Settings + extraSettings, cancellationToken).ConfigureAwait(false);
        await StartOnFreePortAsync(cancellationToken).ConfigureAwait(false);
    }

    async Task StartOnFreePortAsync(CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            // The port is free now but not reserved: another process may take it before the
            // server binds it, in which case the server fails to start and we try another.
            Port = FindFreePort();
            File.Delete(LogFile);
            try
            {
                await RunAsync(
                    binaries.PgCtl,
                    ["start", "-w", "-t", "60", "-D", DataDirectory, "-l", LogFile, "-o", $"-p {Port}"],
                    TimeSpan.FromSeconds(90),
                    cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts && ReadLog().Contains("could not bind", StringComparison.Ordinal))
            {
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException($"{e.Message}{Environment.NewLine}Server log ({LogFile}):{Environment.NewLine}{ReadLog()}", e);
            }
        }
    }

    /// <summary>Stops the server and deletes the folder; only the first call does anything.</summary>
    public ValueTask RemoveAsync(bool async) =>
        Interlocked.Exchange(ref removed, 1) == 0 ? RemoveFolderAsync(RootDirectory, async) : default;

    /// <summary>
    /// Stops the postmaster named in the folder's postmaster.pid (if it still runs and really is
    /// that folder's server) and deletes the folder. Shared by dispose, the exit hooks and the
    /// sweep of folders abandoned by dead processes.
    /// </summary>
    public static async ValueTask RemoveFolderAsync(string rootDirectory, bool async)
    {
        // A folder may hold a throwaway PgBouncer instead of (never beside) a cluster.
        await PgBouncerProcess.StopAsync(rootDirectory, async).ConfigureAwait(false);
        string dataDirectory = DataDirectoryOf(rootDirectory);
        if (ReadPostmasterPid(dataDirectory) is int pid && UnixProcess.IsPostmasterOf(pid, dataDirectory))
        {
            // SIGQUIT is pg_ctl stop -m immediate: the postmaster ends its children, then exits.
            // Signalling directly needs no runuser or pg_ctl, so it also works from exit hooks.
            if (!await UnixProcess.SignalAndWaitAsync(pid, NativeMethods.SIGQUIT, TimeSpan.FromSeconds(10), async).ConfigureAwait(false))
                await UnixProcess.SignalAndWaitAsync(pid, NativeMethods.SIGKILL, TimeSpan.FromSeconds(10), async).ConfigureAwait(false);
        }

        for (int attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(rootDirectory, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (Exception e) when (attempt < 5 && e is IOException or UnauthorizedAccessException)
            {
                // A child process that has not quite finished exiting may still be writing.
                if (async)
                    await Task.Delay(100).ConfigureAwait(false);
                else
                    Thread.Sleep(100);
            }
        }
    }

    static int? ReadPostmasterPid(string dataDirectory)
    {
        try
        {
            using var reader = new StreamReader(Path.Combine(dataDirectory, "postmaster.pid"));
            return int.TryParse(reader.ReadLine(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    Task<string> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
        runAsPostgres
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments], RootDirectory, timeout, cancellationToken)
            : ProcessRunner.RunAsync(program, arguments, RootDirectory, timeout, cancellationToken);

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
}
