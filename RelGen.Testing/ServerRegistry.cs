using System.Runtime.InteropServices;

namespace RelGen.Testing;

/// <summary>
/// The servers this process has running (local clusters and containers), so they can be removed when
/// the process ends without disposing them. .NET raises ProcessExit on a normal exit, on Ctrl+C
/// (SIGINT) and on SIGQUIT, but not on SIGTERM or SIGHUP, which get their own handlers. A process
/// killed outright (SIGKILL) runs nothing: <see cref="StaleClusterSweeper"/> and
/// <see cref="StaleContainerSweeper"/> remove its leftovers on the next start.
/// </summary>
internal static class ServerRegistry
{
    static readonly object Gate = new();
    static readonly HashSet<IThrowawayServer> Live = [];
    static PosixSignalRegistration[]? signalHandlers;   // Held so they stay registered.

    public static void Add(IThrowawayServer server)
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
            Live.Add(server);
        }
    }

    public static void Remove(IThrowawayServer server)
    {
        lock (Gate)
            Live.Remove(server);
    }

    static void RemoveAll()
    {
        IThrowawayServer[] servers;
        lock (Gate)
        {
            servers = [.. Live];
            Live.Clear();
        }
        foreach (var server in servers)
        {
            try
            {
                // The synchronous path: the process is ending, so block rather than schedule.
                server.RemoveAsync(async: false).AsTask().GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException or TimeoutException
                                          or OperationCanceledException or Docker.DotNet.DockerApiException)
            {
                // Best effort; the next run's sweep retries.
            }
        }
    }
}
