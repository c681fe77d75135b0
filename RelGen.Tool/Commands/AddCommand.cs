using System.Globalization;
using RelGen.Schema.Files;
using RelGen.Schema.Json;
using RelGen.Schema.Snapshots;
using RelGen.Tool.Cli;
using RelGen.Tool.Projects;

namespace RelGen.Tool.Commands;

/// <summary>
/// <c>relgen migrations add &lt;Name&gt;</c>: builds the project, reads its models' snapshot from the built assembly,
/// compares it with <c>relgen.snapshot.json</c> and writes the next migration and the new snapshot.
/// </summary>
internal static class AddCommand
{
    private static readonly string[] ValueOptions = ["--project", "--configuration", "--framework", "--assembly", "--migrations-dir", "--rename", "--drop"];
    private static readonly string[] Flags = ["--no-build"];

    public static async Task<int> RunAsync(IEnumerable<string> args, ToolContext context, CancellationToken cancellationToken)
    {
        var arguments = new Arguments(args, ValueOptions, Flags);
        if (arguments.Positional.Count != 1)
            throw new UsageException("migrations add takes one name, e.g. `dotnet relgen migrations add AddEmail`.");
        var name = arguments.Positional[0];
        if (!MigrationFile.IsValidUserName(name))
            throw new UsageException($"'{name}' is not a migration name: use letters, digits and underscores, starting with a letter.");

        var (assembly, migrationsPath) = await LocateAsync(arguments, context, cancellationToken).ConfigureAwait(false);
        var json = SnapshotReader.ReadJson(assembly)
            ?? throw new ToolException($"{assembly} carries no schema snapshot ([assembly: RelGen.Metadata.SchemaSnapshot]). "
                                       + "Does the project reference the RelGen package and declare [Model] classes? Nothing was written.");
        SchemaSnapshot current;
        try
        {
            current = SnapshotJson.Read(json);
        }
        catch (SnapshotFormatException e)
        {
            throw new ToolException($"{assembly}: its schema snapshot cannot be read: {e.Message}");
        }

        var directory = new MigrationsDirectory(migrationsPath);
        var existing = directory.Migrations();
        var duplicate = existing.FirstOrDefault(m => m.Name[15..] == name);
        if (duplicate.Name is not null)
            throw new ToolException($"There is a migration called {name} already ({duplicate.File}); choose another name.");
        var latest = directory.LatestSnapshot();
        var renames = RenameResolver.Resolve(context, latest, current, arguments.All("--rename"), arguments.All("--drop"));
        var script = MigrationScript.Between(latest, current, renames);
        if (script.IsEmpty)
        {
            await context.Output.WriteLineAsync($"No changes since {(existing.Count == 0 ? "an empty database" : existing[^1].Name)}: nothing was written.").ConfigureAwait(false);
            return 0;
        }

        var fullName = Timestamp(context.UtcNow(), existing.Count == 0 ? null : existing[^1].Name) + "_" + name;
        var file = directory.Write(fullName, MigrationFile.Write(fullName, $"dotnet relgen migrations add {name}", script), current);
        var output = context.Output;
        await output.WriteLineAsync($"Wrote {Relative(context, file)}:").ConfigureAwait(false);
        foreach (var change in script.UpDiff.Changes)
            await output.WriteLineAsync($"  {change.Description}{(change.DropsData ? "  (deletes its data when applied)" : "")}").ConfigureAwait(false);
        await output.WriteLineAsync($"Updated {Relative(context, directory.SnapshotPath)}.").ConfigureAwait(false);
        await output.WriteLineAsync("Review the SQL, then apply it with `await db.MigrateAsync();`"
            + (existing.Count == 0 ? "." : $"; `await db.MigrateAsync(\"{existing[^1].Name}\")` undoes it.")).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The assembly to read and the migrations folder, from the options (building the project unless told not to).</summary>
    private static async Task<(string Assembly, string MigrationsPath)> LocateAsync(Arguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        var assembly = arguments.Single("--assembly");
        var migrationsDir = arguments.Single("--migrations-dir");
        if (assembly is not null && migrationsDir is not null)
            return (Path.GetFullPath(assembly, context.WorkingDirectory), Path.GetFullPath(migrationsDir, context.WorkingDirectory));
        var projectFile = ProjectBuild.FindProjectFile(context.WorkingDirectory, arguments.Single("--project"));
        var project = await ProjectBuild.PrepareAsync(context, projectFile, arguments.Single("--configuration") ?? "Debug", arguments.Single("--framework"),
            build: assembly is null && !arguments.Has("--no-build"), cancellationToken).ConfigureAwait(false);
        return (assembly is null ? project.TargetPath : Path.GetFullPath(assembly, context.WorkingDirectory),
            migrationsDir is null ? project.MigrationsDirectory : Path.GetFullPath(migrationsDir, context.WorkingDirectory));
    }

    /// <summary>Now, as yyyyMMddHHmmss UTC; a second after the latest migration when the clock is behind it, so the new one still sorts last.</summary>
    internal static string Timestamp(DateTime utcNow, string? latest)
    {
        var stamp = utcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        if (latest is null || string.CompareOrdinal(stamp, latest[..14]) > 0)
            return stamp;
        var after = DateTime.ParseExact(latest[..14], "yyyyMMddHHmmss", CultureInfo.InvariantCulture).AddSeconds(1);
        return after.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
    }

    private static string Relative(ToolContext context, string path) => Path.GetRelativePath(context.WorkingDirectory, path);
}
