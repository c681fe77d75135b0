using System.Runtime.InteropServices;

namespace RelGen.Testing;

/// <summary>
/// The clusters (and PgBouncers) this process has running, so they can be stopped and deleted when the process
/// ends without disposing them. .NET raises ProcessExit on a normal exit, on Ctrl+C (SIGINT) and
/// on SIGQUIT, but not on SIGTERM or SIGHUP, which get their own handlers. A process killed
/// outright (SIGKILL) runs nothing: <see cref="StaleClusterSweeper"/> removes its leftovers on
/// the next start.
/// </summary>
internal static class LocalClusterRegistry
{
    static readonly object Gate = new();
    static readonly HashSet<ITemporaryServer> Live = [];
    static PosixSignalRegistration[]? signalHandlers;   // Held so they stay registered.

    public static void Add(ITemporaryServer cluster)
    {
        lock (Gate)
        {
            if (signalHandlers is null)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveAll();
                // Not cancelled, so the signal's default action (ending the process) follows.
                signalHandlers =
                [
                    PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => RemoveAll()),
                    PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => RemoveAll()),
                ];
            }
            Live.Add(cluster);
        }
    }

    public static void Remove(ITemporaryServer cluster)
    {
        lock (Gate)
            Live.Remove(cluster);
    }

    static void RemoveAll()
    {
        ITemporaryServer[] clusters;
        lock (Gate)
        {
            clusters = [.. Live];
            Live.Clear();
        }
        foreach (var cluster in clusters)
        {
            try
            {
                // The synchronous path: the process is ending, so block rather than schedule.
                cluster.RemoveAsync(async: false).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort; the next run's sweep retries.
            }
        }
    }
}
