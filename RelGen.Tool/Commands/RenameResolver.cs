using RelGen.Schema.Diff;
using RelGen.Schema.Snapshots;
using RelGen.Tool.Cli;

namespace RelGen.Tool.Commands;

/// <summary>
/// Settles every drop that could be a rename before anything is written: from <c>--rename</c> and <c>--drop</c>,
/// else by asking; with input redirected there is no one to ask, so an open question is an error naming the flags
/// (RelGen never guesses that a table's rows may go).
/// </summary>
internal static class RenameResolver
{
    public static SchemaRenames Resolve(ToolContext context, SchemaSnapshot from, SchemaSnapshot to,
        IReadOnlyList<string> renameArguments, IReadOnlyList<string> dropArguments)
    {
        var renames = Parse(renameArguments);
        var drops = new HashSet<string>(dropArguments, StringComparer.Ordinal);
        var declined = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var diff = Compare(from, to, renames);
            var open = diff.RenameCandidates.Where(c => !drops.Contains(c.DropArgument) && !declined.Contains(c.RenameArgument)).ToList();
            if (open.Count == 0)
            {
                CheckDrops(from, to, renames, drops);
                return renames;
            }
            if (!context.Interactive)
                throw new ToolException(Unanswered(open));
            foreach (var candidate in open)
            {
                if (Ask(context, candidate))
                {
                    if (candidate.IsTable)
                        renames.RenameTable(candidate.OldName, candidate.NewName);
                    else
                        renames.RenameColumn(candidate.Table!, candidate.OldName, candidate.NewName);
                    break;   // A confirmed rename changes the other candidates: compare again.
                }
                declined.Add(candidate.RenameArgument);
            }
        }
    }

    private static SchemaRenames Parse(IReadOnlyList<string> arguments)
    {
        var renames = new SchemaRenames();
        var parsed = arguments.Select(argument =>
        {
            var equals = argument.IndexOf('=');
            if (equals <= 0 || equals == argument.Length - 1)
                throw new UsageException($"--rename {argument}: expected old=new (a table) or table.old=new (a column).");
            var left = argument[..equals];
            var dot = left.IndexOf('.');
            return (Table: dot > 0 ? left[..dot] : null, Old: dot > 0 ? left[(dot + 1)..] : left, New: argument[(equals + 1)..], Argument: argument);
        }).ToList();
        try
        {
            foreach (var table in parsed.Where(p => p.Table is null))
                renames.RenameTable(table.Old, table.New);
            // A column's table may be named by its old or its new name.
            foreach (var column in parsed.Where(p => p.Table is not null))
                renames.RenameColumn(renames.NewTableName(column.Table!), column.Old, column.New);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        return renames;
    }

    private static SchemaDiff Compare(SchemaSnapshot from, SchemaSnapshot to, SchemaRenames renames)
    {
        try
        {
            return SchemaDiffer.Compare(from, to, renames);
        }
        catch (ArgumentException e)
        {
            throw new ToolException($"{e.Message} Nothing was written.");
        }
    }

    private static bool Ask(ToolContext context, RenameCandidate candidate)
    {
        var question = candidate.IsTable
            ? $"Was table '{candidate.OldName}' renamed to '{candidate.NewName}'? (no: '{candidate.OldName}' and its rows are dropped) [y/N] "
            : $"Was column '{candidate.Table}.{candidate.OldName}' renamed to '{candidate.NewName}'? (no: its values are dropped) [y/N] ";
        context.Output.Write(question);
        context.Output.Flush();
        var answer = context.Input.ReadLine()
            ?? throw new ToolException($"No answer to: {question.TrimEnd()} Nothing was written; pass --rename {candidate.RenameArgument} or --drop {candidate.DropArgument}.");
        return answer.Trim().ToLowerInvariant() is "y" or "yes";
    }

    private static string Unanswered(IReadOnlyList<RenameCandidate> open)
    {
        var lines = new List<string> { "The models drop something that may have been renamed, and input is redirected, so RelGen cannot ask. Nothing was written." };
        foreach (var candidate in open)
            lines.Add($"  {candidate}: pass --rename {candidate.RenameArgument} if it was renamed, or --drop {candidate.DropArgument} to drop it.");
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>Every <c>--drop</c> must name a table or column the comparison really drops: a typo must not pass for an answer.</summary>
    private static void CheckDrops(SchemaSnapshot from, SchemaSnapshot to, SchemaRenames renames, HashSet<string> drops)
    {
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in from.Tables)
        {
            var now = to.FindTable(renames.NewTableName(table.Name));
            if (now is null)
            {
                dropped.Add(table.Name);
                continue;
            }
            foreach (var column in table.Columns)
            {
                if (now.FindColumn(renames.NewColumnName(now.Name, column.Name)) is null)
                    dropped.Add($"{now.Name}.{column.Name}");
            }
        }
        foreach (var drop in drops)
        {
            if (!dropped.Contains(drop))
                throw new ToolException($"--drop {drop}: the models do not drop {drop}. Nothing was written.");
        }
    }
}
