using System.Diagnostics;
using System.Globalization;

namespace RelGen.Testing;

/// <summary>
/// Which process started a container, written on it as a label: machine name, process id and process
/// start time (so a reused id does not pass for the owner). A later start removes containers whose
/// owner, on this machine, has gone, as a killed test host runs no cleanup.
/// </summary>
internal static class ContainerOwner
{
    public const string Label = "relgen.testing.owner";

    public static string Current { get; } = Describe(Environment.MachineName, Environment.ProcessId, StartTicks(Environment.ProcessId) ?? 0);

    public static string Describe(string machine, int pid, long startTicks) =>
        string.Create(CultureInfo.InvariantCulture, $"{machine}/{pid}/{startTicks}");

    /// <summary>True when <paramref name="owner"/> names a process of this machine that no longer runs.</summary>
    public static bool IsGone(string owner)
    {
        string[] parts = owner.Split('/');
        if (parts.Length != 3 || parts[0] != Environment.MachineName
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long startTicks))
        {
            return false;   // Another machine's (the engine may be shared), or not written by this code: not ours to judge.
        }
        if (!OperatingSystem.IsWindows() && !UnixProcess.IsAlive(pid))
            return true;
        return StartTicks(pid) is not long running || Math.Abs(running - startTicks) > TimeSpan.TicksPerSecond;
    }

    static long? StartTicks(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.StartTime.ToUniversalTime().Ticks;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }
}
