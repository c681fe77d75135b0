using RelGen.Tool.Cli;
using RelGen.Tool.Projects;

namespace RelGen.Tool.Commands;

/// <summary><c>relgen migrations list</c>: the migration files in the order MigrateAsync applies them. Reads files only; builds nothing.</summary>
internal static class ListCommand
{
    public static async Task<int> RunAsync(IEnumerable<string> args, ToolContext context, CancellationToken cancellationToken)
    {
        var arguments = new Arguments(args, ["--project", "--migrations-dir"], []);
        if (arguments.Positional.Count != 0)
            throw new UsageException("migrations list takes no names.");
        var directory = new MigrationsDirectory(MigrationsPath(arguments, context));
        var migrations = directory.Migrations();
        if (migrations.Count == 0)
        {
            await context.Output.WriteLineAsync($"No migrations in {directory.Path}.").ConfigureAwait(false);
            return 0;
        }
        foreach (var (name, file) in migrations)
        {
            var migration = directory.Read(name, file);
            await context.Output.WriteLineAsync(name + (migration.DownSql is null ? "  (no down section: cannot be rolled back)" : "")).ConfigureAwait(false);
        }
        var snapshot = directory.LatestSnapshot();
        await context.Output.WriteLineAsync($"{migrations.Count} migrations; the latest snapshot has {snapshot.Tables.Count} tables.").ConfigureAwait(false);
        return 0;
    }

    /// <summary>--migrations-dir, else the project folder's Migrations (the props file's default; no MSBuild run for a listing).</summary>
    internal static string MigrationsPath(Arguments arguments, ToolContext context)
    {
        if (arguments.Single("--migrations-dir") is { } path)
            return Path.GetFullPath(path, context.WorkingDirectory);
        var project = ProjectBuild.FindProjectFile(context.WorkingDirectory, arguments.Single("--project"));
        return Path.Combine(Path.GetDirectoryName(project)!, "Migrations");
    }
}
