using System.Runtime.InteropServices;

namespace RelGen.Testing;

/// <summary>The few libc calls .NET has no managed API for (Unix only).</summary>
internal static class NativeMethods
{
    public const int SIGKILL = 9;
    public const int SIGQUIT = 3;   // PostgreSQL's "immediate shutdown" request, what pg_ctl stop -m immediate sends
    public const int EPERM = 1;

    [DllImport("libc", EntryPoint = "geteuid")]
    public static extern uint GetEffectiveUserId();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static extern int Kill(int pid, int signal);
}
