using System.Text.Json;
using RelGen.Tool.Cli;

namespace RelGen.Tool.Projects;

/// <summary>Finds the user's project, builds it, and asks MSBuild where its assembly and its migrations folder are.</summary>
internal sealed class ProjectBuild
{
    /// <summary>The MSBuild property the RelGen package's props file sets (default <c>Migrations</c>); the generator reads the same folder.</summary>
    public const string MigrationsDirectoryProperty = "RelGenMigrationsDirectory";

    /// <summary>The MSBuild property that turns the generator's pending-change warning (RG0027) off.</summary>
    public const string CheckMigrationsProperty = "RelGenCheckMigrations";

    private ProjectBuild(string projectFile, string targetPath, string migrationsDirectory)
    {
        ProjectFile = projectFile;
        TargetPath = targetPath;
        MigrationsDirectory = migrationsDirectory;
    }

    public string ProjectFile { get; }

    /// <summary>The built assembly.</summary>
    public string TargetPath { get; }

    /// <summary>The migrations folder, absolute.</summary>
    public string MigrationsDirectory { get; }

    /// <summary>The project file: <paramref name="option"/> (a file or a folder), else the single project file in the working folder.</summary>
    public static string FindProjectFile(string workingDirectory, string? option)
    {
        var path = Path.GetFullPath(option ?? ".", workingDirectory);
        if (File.Exists(path))
            return path;
        if (!Directory.Exists(path))
            throw new ToolException($"No project at {path}.");
        var projects = Directory.GetFiles(path, "*.csproj");
        return projects.Length switch
        {
            1 => projects[0],
            0 => throw new ToolException($"No .csproj file in {path}; name one with --project."),
            _ => throw new ToolException($"More than one .csproj file in {path} ({string.Join(", ", projects.Select(Path.GetFileName))}); name one with --project."),
        };
    }

    /// <summary>Builds (unless <paramref name="build"/> is false) and evaluates the project.</summary>
    public static async Task<ProjectBuild> PrepareAsync(ToolContext context, string projectFile, string configuration, string? framework, bool build,
        CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(projectFile)!;
        var properties = await EvaluateAsync(directory, projectFile, configuration, framework, cancellationToken).ConfigureAwait(false);
        if (framework is null && properties.GetValueOrDefault("TargetFramework") is not { Length: > 0 })
        {
            // Multi-targeted: the first framework's build has the same models.
            framework = properties.GetValueOrDefault("TargetFrameworks")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
                ?? throw new ToolException($"{projectFile} names no target framework.");
            properties = await EvaluateAsync(directory, projectFile, configuration, framework, cancellationToken).ConfigureAwait(false);
        }
        if (build)
        {
            await context.Output.WriteLineAsync($"Building {Path.GetFileName(projectFile)}...").ConfigureAwait(false);
            // The build's own check of the models against the latest migration (RG0027) would stop a project with warnings as
            // errors from building exactly when a migration is due: this build is the one that writes it.
            List<string> args = ["build", projectFile, "-c", configuration, "-nologo", "-nodeReuse:false", "-tl:off", "-v:q", $"-p:{CheckMigrationsProperty}=false"];
            if (framework is not null)
                args.AddRange(["-f", framework]);
            var (exit, output, error) = await DotnetProcess.RunAsync(directory, args, cancellationToken).ConfigureAwait(false);
            if (exit != 0)
                throw new ToolException($"The build of {projectFile} failed; nothing was written.{Environment.NewLine}{Tail(output + error, 40)}");
        }
        var targetPath = properties.GetValueOrDefault("TargetPath");
        if (string.IsNullOrEmpty(targetPath))
            throw new ToolException($"MSBuild gives no TargetPath for {projectFile}.");
        var migrations = properties.GetValueOrDefault(MigrationsDirectoryProperty) is { Length: > 0 } folder ? folder : "Migrations";
        return new ProjectBuild(projectFile, targetPath, Path.GetFullPath(migrations, directory));
    }

    private static async Task<Dictionary<string, string>> EvaluateAsync(string directory, string projectFile, string configuration, string? framework,
        CancellationToken cancellationToken)
    {
        string[] names = ["TargetPath", "TargetFramework", "TargetFrameworks", MigrationsDirectoryProperty];
        List<string> args = ["msbuild", projectFile, "-nologo", $"-p:Configuration={configuration}", .. names.Select(n => "-getProperty:" + n)];
        if (framework is not null)
            args.Add($"-p:TargetFramework={framework}");
        var (exit, output, error) = await DotnetProcess.RunAsync(directory, args, cancellationToken).ConfigureAwait(false);
        if (exit != 0)
            throw new ToolException($"MSBuild could not read {projectFile}:{Environment.NewLine}{Tail(output + error, 20)}");
        try
        {
            using var json = JsonDocument.Parse(output);
            return json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ToolException($"Unexpected output from `dotnet msbuild -getProperty` for {projectFile}:{Environment.NewLine}{Tail(output + error, 20)}");
        }
    }

    private static string Tail(string text, int lines)
        => string.Join(Environment.NewLine, text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).TakeLast(lines));
}
