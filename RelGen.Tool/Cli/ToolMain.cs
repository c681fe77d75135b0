using RelGen.Tool.Commands;

namespace RelGen.Tool.Cli;

/// <summary>Dispatches <c>relgen migrations add|list|script</c>; every failure the user can act on is a message and an exit code, not a stack trace.</summary>
internal static class ToolMain
{
    public const string Usage = """
        Usage:
          dotnet relgen migrations add <Name> [options]
              Compares the project's models with the latest migration's snapshot and writes
              Migrations/<timestamp>_<Name>.sql (up and down SQL) and Migrations/relgen.snapshot.json.
              --project <path>          The .csproj, or its folder (default: the one in the current folder).
              --configuration <name>    The build configuration (default: Debug).
              --framework <tfm>         The target framework to build (default: the project's first).
              --no-build                Use the last build's output instead of building.
              --assembly <path>         Read the models' snapshot from this built assembly (implies --no-build).
              --migrations-dir <path>   Where migrations live (default: the project's RelGenMigrationsDirectory, Migrations).
              --rename <old>=<new>      Table <old> was renamed to <new> (not dropped and added).
              --rename <table>.<old>=<new>
                                        Column <old> of <table> was renamed to <new>.
              --drop <table> | --drop <table>.<column>
                                        It really is dropped: answers the rename question without asking.
          dotnet relgen migrations list [--project <path>] [--migrations-dir <path>]
              Lists the project's migrations in the order they apply.
          dotnet relgen migrations script [--from <migration>] [--to <migration>] [--output <file>] [--project <path>]
              Writes the up SQL of the migrations after --from up to --to, each in a transaction with its
              history row, for a database administrator to run.

        Exit codes: 0 done, 1 refused (the message says why; nothing was written), 2 wrong command line.
        """;

    public static async Task<int> RunAsync(string[] args, ToolContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                await context.Output.WriteLineAsync(Usage).ConfigureAwait(false);
                return args.Length == 0 ? 2 : 0;
            }
            if (args[0] != "migrations" || args.Length < 2)
                throw new UsageException($"Unknown command '{string.Join(' ', args.Take(2))}'.");
            var rest = args.Skip(2);
            return args[1] switch
            {
                "add" => await AddCommand.RunAsync(rest, context, cancellationToken).ConfigureAwait(false),
                "list" => await ListCommand.RunAsync(rest, context, cancellationToken).ConfigureAwait(false),
                "script" => await ScriptCommand.RunAsync(rest, context, cancellationToken).ConfigureAwait(false),
                _ => throw new UsageException($"Unknown command 'migrations {args[1]}'."),
            };
        }
        catch (UsageException e)
        {
            await context.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            await context.Error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }
        catch (ToolException e)
        {
            await context.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }
    }
}
