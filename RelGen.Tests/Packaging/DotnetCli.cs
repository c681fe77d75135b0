using System.Diagnostics;
using System.Text;

namespace RelGen.Tests.Packaging;

/// <summary>
/// Runs the <c>dotnet</c> CLI as a child process with a deadline, capturing stdout and stderr together.
/// Unlike RelGen.Testing's ProcessRunner it returns failures instead of throwing (a test expects one) and
/// controls the child's environment.
/// </summary>
public static class DotnetCli
{
    public static Task<CliResult> RunAsync(
        string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
        => RunProcessAsync(DotnetHost(), "dotnet", workingDirectory, timeout, environment, arguments);

    /// <summary>Runs a program that is not the dotnet host (a NativeAOT build), with the same environment rules.</summary>
    public static Task<CliResult> RunProgramAsync(
        string program, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
        => RunProcessAsync(program, program, workingDirectory, timeout, environment, arguments);

    static async Task<CliResult> RunProcessAsync(
        string fileName, string displayName, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        PrepareEnvironment(info.Environment, environment);
        string commandLine = string.Join(' ', [displayName, .. arguments]);

        var output = new StringBuilder();
        void Append(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
                return;
            lock (output)
                output.AppendLine(e.Data);
        }

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult();
        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await exited.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
            return new CliResult(commandLine, null, Snapshot(output), clock.Elapsed);
        }
        // Let the last lines arrive. Not for long: a server the child started and left running (a
        // compiler server, say) may hold the pipes open, and what the child printed is already here.
        using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(drain.Token);
        }
        catch (OperationCanceledException)
        {
        }
        return new CliResult(commandLine, process.ExitCode, Snapshot(output), clock.Elapsed);
    }

    static string Snapshot(StringBuilder output)
    {
        lock (output)
            return output.ToString();
    }

    /// <summary>The dotnet host that runs this test (the SDK sets DOTNET_HOST_PATH for its children), else the one on PATH.</summary>
    static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    static void PrepareEnvironment(IDictionary<string, string?> child, IReadOnlyDictionary<string, string>? extra)
    {
        // The test runs under `dotnet test`, whose MSBuild leaves its own paths in the environment; a child
        // build must resolve its SDK afresh, as it would from a shell.
        foreach (string name in child.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            child.Remove(name);
        child["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        child["DOTNET_NOLOGO"] = "1";
        child["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // No build node or MSBuild server outlives the child and keeps its output pipes open.
        child["MSBUILDDISABLENODEREUSE"] = "1";
        child["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        if (extra is not null)
        {
            foreach (var (name, value) in extra)
                child[name] = value;
        }
    }
}
