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
    // A folder is briefly without its owner file while it is being created.
    static readonly TimeSpan OwnerlessGrace = TimeSpan.FromMinutes(5);
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
        string ownerFile = Path.Combine(folder, LocalCluster.OwnerFileName);
        if (!File.Exists(ownerFile))
            return DateTime.UtcNow - Directory.GetCreationTimeUtc(folder) > OwnerlessGrace;
        string text = File.ReadAllText(ownerFile).Trim();
        return !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int owner) || !UnixProcess.IsAlive(owner);
    }
}
