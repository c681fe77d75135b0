namespace RelGen.Testing;

/// <summary>
/// What <see cref="EphemeralReplicaSet"/> needs beyond a plain throwaway server: a standby made
/// with pg_basebackup, and stopping, starting and restarting a server in place (same port, same
/// data). Every program runs as the <c>postgres</c> OS user when running as root, as initdb does.
/// </summary>
internal sealed partial class LocalCluster
{
    /// <summary>True while the folder's postmaster runs (after a stop, until the next start, it does not).</summary>
    public bool IsRunning => ReadPostmasterPid(DataDirectory) is int pid && UnixProcess.IsPostmasterOf(pid, DataDirectory);

    /// <summary>
    /// Fills this (new, empty) cluster's folder with a base backup of <paramref name="primary"/>
    /// taken with <c>pg_basebackup -R</c> (which writes <c>standby.signal</c> and a
    /// <c>primary_conninfo</c> carrying <paramref name="applicationName"/>), through a physical
    /// replication slot of the same name so the primary keeps the WAL a stopped standby still
    /// needs, then starts it on a free loopback port as a streaming hot standby.
    /// </summary>
    public async Task StartAsStandbyAsync(LocalCluster primary, string applicationName, CancellationToken cancellationToken)
    {
        if (runAsPostgres)
            await ProcessRunner.RunAsync("chown", ["postgres", RootDirectory], null, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);

        string pgBaseBackup = BinaryBeside(binaries.InitDb, "pg_basebackup");
        // -c fast: checkpoint at once rather than spread out; -N: nothing here needs to survive a crash.
        await RunAsync(
            pgBaseBackup,
            [
                "-D", DataDirectory, "-R", "-X", "stream", "-c", "fast", "-N", "-C", "-S", applicationName,
                "-d", $"host=127.0.0.1 port={primary.Port} user=postgres application_name={applicationName}",
            ],
            TimeSpan.FromMinutes(2),
            cancellationToken).ConfigureAwait(false);
        await StartOnFreePortAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>pg_ctl stop</c> in <paramref name="mode"/>; returns once the postmaster is gone.</summary>
    public async Task StopAsync(ShutdownMode mode, CancellationToken cancellationToken)
    {
        if (!IsRunning)
            return;
        await RunAsync(
            binaries.PgCtl,
            ["stop", "-w", "-t", "60", "-D", DataDirectory, "-m", ModeName(mode)],
            TimeSpan.FromSeconds(90),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a stopped server again on the port it had; returns once it accepts connections.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
            return;
        await PgCtlAsync("start", cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>pg_ctl restart</c> (stopping in <paramref name="mode"/>), on the same port; starts a stopped server.</summary>
    public Task RestartAsync(ShutdownMode mode, CancellationToken cancellationToken) =>
        PgCtlAsync("restart", cancellationToken, "-m", ModeName(mode));

    async Task PgCtlAsync(string action, CancellationToken cancellationToken, params string[] more)
    {
        try
        {
            // -l again: without it the postmaster would write to pg_ctl's stdout, a pipe we wait to close.
            await RunAsync(
                binaries.PgCtl,
                [action, "-w", "-t", "60", "-D", DataDirectory, "-l", LogFile, "-o", $"-p {Port}", .. more],
                TimeSpan.FromSeconds(90),
                cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{e.Message}{Environment.NewLine}Server log ({LogFile}):{Environment.NewLine}{ReadLog()}", e);
        }
    }

    static string ModeName(ShutdownMode mode) => mode switch
    {
        ShutdownMode.Smart => "smart",
        ShutdownMode.Fast => "fast",
        ShutdownMode.Immediate => "immediate",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a shutdown mode."),
    };

    /// <summary>
    /// A program of the same installation as <paramref name="sibling"/> (pg_basebackup beside
    /// initdb), also looked for beside the file a symbolic link points at: initdb on PATH may be a
    /// link into /usr/lib/postgresql/NN/bin, whose other programs are not linked.
    /// </summary>
    static string BinaryBeside(string sibling, string program)
    {
        string name = program + (OperatingSystem.IsWindows() ? ".exe" : "");
        string? target = File.ResolveLinkTarget(sibling, returnFinalTarget: true)?.FullName;
        foreach (string candidate in new[] { sibling, target }.OfType<string>().Select(path => Path.Combine(Path.GetDirectoryName(path)!, name)))
        {
            if (File.Exists(candidate))
                return candidate;
        }
        throw new PostgresNotFoundException(
            $"{program} was not found beside {sibling}{(target is null ? "" : $" or {target}")}; a streaming standby is made with it. Install the full PostgreSQL server package of that version (Debian: postgresql).");
    }
}
