using System.Text;
using RelGen.Schema.Ddl;
using RelGen.Schema.Files;
using RelGen.Tool.Cli;
using RelGen.Tool.Projects;

namespace RelGen.Tool.Commands;

/// <summary>
/// <c>relgen migrations script</c>: the up SQL of a range of migrations as one script for a database administrator,
/// each migration in a transaction with the history row MigrateAsync would write, so MigrateAsync later sees them applied.
/// </summary>
internal static class ScriptCommand
{
    public static async Task<int> RunAsync(IEnumerable<string> args, ToolContext context, CancellationToken cancellationToken)
    {
        var arguments = new Arguments(args, ["--project", "--migrations-dir", "--from", "--to", "--output"], []);
        if (arguments.Positional.Count != 0)
            throw new UsageException("migrations script takes its range as --from and --to.");
        var directory = new MigrationsDirectory(ListCommand.MigrationsPath(arguments, context));
        var migrations = directory.Migrations();
        var from = arguments.Single("--from");
        var to = arguments.Single("--to");
        foreach (var name in new[] { from, to })
        {
            if (name is not null && !migrations.Any(m => m.Name == name))
                throw new ToolException($"No migration named {name} in {directory.Path}.");
        }
        var chosen = migrations.Where(m => (from is null || string.CompareOrdinal(m.Name, from) > 0) && (to is null || string.CompareOrdinal(m.Name, to) <= 0)).ToList();

        var script = new StringBuilder();
        script.Append("-- RelGen migrations ").Append(chosen.Count == 0 ? "(none)" : $"{chosen[0].Name} to {chosen[^1].Name}").Append('\n');
        script.Append("CREATE TABLE IF NOT EXISTS relgen_migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());\n");
        foreach (var (name, file) in chosen)
        {
            var migration = directory.Read(name, file);
            script.Append("\n-- ").Append(name).Append("\nBEGIN;\n");
            if (migration.UpSql.Length > 0)
                script.Append(migration.UpSql).Append('\n');
            script.Append("INSERT INTO relgen_migrations (name, checksum) VALUES (").Append(SqlText.Literal(name)).Append(", ")
                .Append(SqlText.Literal(MigrationChecksum.Of(migration.UpSql))).Append(");\nCOMMIT;\n");
        }
        if (arguments.Single("--output") is { } output)
        {
            var path = Path.GetFullPath(output, context.WorkingDirectory);
            await File.WriteAllTextAsync(path, script.ToString(), cancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"Wrote {chosen.Count} migrations to {path}.").ConfigureAwait(false);
        }
        else
            await context.Output.WriteAsync(script.ToString()).ConfigureAwait(false);
        return 0;
    }
}
