using System.Collections.Concurrent;
using System.Globalization;

namespace RelGen.Testing;

/// <summary>
/// Removes <c>relgen-pg-*</c> folders (and their still-running servers) whose owning process has
/// died without cleaning up, e.g. a test host killed with SIGKILL. The postmaster runs in its own
/// session, so it outlives its owner; this is how it eventually goes.
/// </summary>
internal static class StaleClusterSweeper
{
    static readonly ConcurrentDictionary<string, bool> Swept = new(StringComparer.Ordinal);

    /// <summary>Sweeps <paramref name="tempRoot"/> once per process.</summary>
    public static void SweepOnce(string tempRoot)
    {
        if (Swept.TryAdd(Path.GetFullPath(tempRoot), true))
            Sweep(tempRoot);
    }

    public static void Sweep(string tempRoot)
    {
        IEnumerable<string> folders;
        try
        {
            folders = Directory.EnumerateDirectories(tempRoot, LocalCluster.FolderPrefix + "*").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (string folder in folders)
        {
            try
            {
                if (IsAbandoned(folder))
                    LocalCluster.RemoveFolderAsync(folder, async: false).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's folder, or another process sweeping it at the same moment.
            }
        }
    }

    static bool IsAbandoned(string folder)
    {
        // No readable owner: a folder being created this instant, or one this code did not make. Not ours to judge.
        string ownerFile = Path.Combine(folder, LocalCluster.OwnerFileName);
        if (!File.Exists(ownerFile))
            return false;
        string text = File.ReadAllText(ownerFile).Trim();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int owner) && !UnixProcess.IsAlive(owner);
    }
}
