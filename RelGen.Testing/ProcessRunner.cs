using System.Diagnostics;

namespace RelGen.Testing;

/// <summary>Runs a command to completion, capturing its output for error messages.</summary>
internal static class ProcessRunner
{
    public static async Task<string> RunAsync(
        string fileName, IReadOnlyList<string> arguments, string? workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        string commandLine = string.Join(' ', [fileName, .. arguments]);

        using var process = Start(info, commandLine);
        // Read both pipes while the process runs, or a chatty one blocks on a full pipe.
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        Task<string> stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited in the meantime.
            }
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"`{commandLine}` did not finish within {timeout.TotalSeconds:0} s.");
        }

        string output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"`{commandLine}` failed with exit code {process.ExitCode}:{Environment.NewLine}{output.Trim()}");
        return output;
    }

    static Process Start(ProcessStartInfo info, string commandLine)
    {
        try
        {
            return Process.Start(info) ?? throw new InvalidOperationException($"Could not start `{commandLine}`.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // Typically the program is missing (e.g. runuser, needed when running as root).
            throw new InvalidOperationException($"Could not start `{commandLine}`: {e.Message}", e);
        }
    }
}
