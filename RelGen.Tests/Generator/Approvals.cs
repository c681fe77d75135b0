using System.Runtime.CompilerServices;

namespace RelGen.Tests.Generator;

/// <summary>
/// Compares generated text verbatim with an approved copy in <c>Generator/Approved/{name}.approved.cs</c>. On a
/// difference it writes <c>{name}.received.cs</c> next to it (git ignores <c>*.received.*</c>) and fails.
/// </summary>
internal static class Approvals
{
    public static void Verify(string name, string received, [CallerFilePath] string callerPath = "")
    {
        var directory = ApprovedDirectory(callerPath);
        var approvedPath = Path.Combine(directory, name + ".approved.cs");
        var receivedPath = Path.Combine(directory, name + ".received.cs");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : null;
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, received);
        Assert.Fail(
            (approved is null ? $"There is no approved copy of {name}: {approvedPath}." : $"The generated {name} differs from its approved copy.")
            + Environment.NewLine + $"Received: {receivedPath}"
            + Environment.NewLine + $"If the change is intended, accept it by copying the received file over the approved one: cp \"{receivedPath}\" \"{approvedPath}\"");
    }

    /// <summary>
    /// The source folder when this file's build path still exists (so accepting needs no rebuild), else the copy
    /// the build puts next to the test assembly.
    /// </summary>
    private static string ApprovedDirectory(string callerPath)
    {
        var source = Path.Combine(Path.GetDirectoryName(callerPath) ?? "", "Approved");
        return Directory.Exists(source) ? source : Path.Combine(AppContext.BaseDirectory, "Generator", "Approved");
    }
}
