using System.Diagnostics;
using System.Runtime.InteropServices;

namespace RelGen.Testing;

/// <summary>
/// Looks at and signals processes by id: the postmaster is not our child (pg_ctl starts it in
/// its own session), so <see cref="Process"/> cannot wait for it.
/// </summary>
internal static class UnixProcess
{
    public static bool IsRoot => !OperatingSystem.IsWindows() && NativeMethods.GetEffectiveUserId() == 0;

    /// <summary>
    /// True while the process runs. A zombie counts as gone: it has exited and only waits for
    /// init to reap it, which in some containers takes a second or two.
    /// </summary>
    public static bool IsAlive(int pid)
    {
        if (pid <= 0)
            return false;
        if (OperatingSystem.IsLinux())
        {
            string stat;
            try
            {
                stat = File.ReadAllText($"/proc/{pid}/stat");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
            // "pid (comm) S ...": comm may hold spaces and parentheses, so the state follows the last ')'.
            int close = stat.LastIndexOf(')');
            char state = close >= 0 && close + 2 < stat.Length ? stat[close + 2] : '?';
            return state is not ('Z' or 'X' or 'x');
        }
        return NativeMethods.Kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() == NativeMethods.EPERM;
    }

    /// <summary>
    /// Whether <paramref name="pid"/> is the postmaster serving <paramref name="dataDirectory"/>,
    /// so that a stale postmaster.pid whose id the system has since reused never gets an
    /// unrelated process killed.
    /// </summary>
    public static bool IsPostmasterOf(int pid, string dataDirectory)
    {
        if (!IsAlive(pid))
            return false;
        try
        {
            // pg_ctl start names the folder on the command line (-D), but pg_ctl restart hands it over in PGDATA, so a
            // restarted postmaster is recognised by its working directory: every postmaster changes into its data folder.
            if (OperatingSystem.IsLinux())
                return File.ReadAllText($"/proc/{pid}/cmdline").Contains(dataDirectory, StringComparison.Ordinal)
                    || IsInFolder(pid, dataDirectory);
            using var process = Process.GetProcessById(pid);
            return process.ProcessName is "postgres" or "postmaster";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Whether the working directory of <paramref name="pid"/> is <paramref name="folder"/> (Linux).</summary>
    static bool IsInFolder(int pid, string folder)
    {
        string? cwd = new FileInfo($"/proc/{pid}/cwd").LinkTarget;
        return cwd is not null && string.Equals(
            Path.TrimEndingDirectorySeparator(cwd), Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)), StringComparison.Ordinal);
    }

    /// <summary>Sends <paramref name="signal"/> and waits up to <paramref name="timeout"/> for the process to go.</summary>
    public static async ValueTask<bool> SignalAndWaitAsync(int pid, int signal, TimeSpan timeout, bool async)
    {
        NativeMethods.Kill(pid, signal);
        var clock = Stopwatch.StartNew();
        while (IsAlive(pid))
        {
            if (clock.Elapsed > timeout)
                return false;
            if (async)
                await Task.Delay(10).ConfigureAwait(false);
            else
                Thread.Sleep(10);
        }
        return true;
    }
}
