using System.Collections.Generic;
using System.Linq;
using System.Text;
using RelGen.Schema.Diff;
using RelGen.Schema.Snapshots;

namespace RelGen.Schema.Files;

/// <summary>
/// A migration's up and down SQL between two snapshots: up is <c>from</c> to <c>to</c> with the confirmed renames,
/// down is the same comparison backwards with the renames inverted, so it undoes up step by step.
/// </summary>
public sealed class MigrationScript
{
    private MigrationScript(SchemaDiff up, SchemaDiff down)
    {
        UpDiff = up;
        DownDiff = down;
        UpSql = Render(up);
        DownSql = Render(down);
    }

    public static MigrationScript Between(SchemaSnapshot from, SchemaSnapshot to, SchemaRenames? renames = null)
    {
        renames ??= SchemaRenames.None;
        return new MigrationScript(SchemaDiffer.Compare(from, to, renames), SchemaDiffer.Compare(to, from, renames.Inverse()));
    }

    public SchemaDiff UpDiff { get; }

    public SchemaDiff DownDiff { get; }

    /// <summary>The up statements, each ending in <c>;</c>, separated by blank lines.</summary>
    public string UpSql { get; }

    /// <summary>
    /// The down statements. Always derivable for the changes the differ writes; a dropped table or column comes
    /// back empty, as its data is gone.
    /// </summary>
    public string DownSql { get; }

    public bool IsEmpty => UpDiff.IsEmpty;

    private static string Render(SchemaDiff diff)
    {
        var text = new StringBuilder();
        foreach (var statement in diff.Statements)
        {
            if (text.Length > 0)
                text.Append("\n\n");
            text.Append(statement).Append(';');
        }
        return text.ToString();
    }

    /// <summary>True when down recreates something up drops (its rows do not come back).</summary>
    internal bool DownLosesData => UpDiff.Changes.Any(c => c.DropsData);

    internal IEnumerable<string> Summary => UpDiff.Changes.Select(c => c.Description);
}
