using System.Collections.Generic;
using System.Linq;

namespace RelGen.Schema.Diff;

/// <summary>The changes that turn one snapshot into another, in an order PostgreSQL accepts, and the drops that could be renames.</summary>
public sealed class SchemaDiff
{
    public SchemaDiff(IReadOnlyList<SchemaChange> changes, IReadOnlyList<RenameCandidate> renameCandidates)
    {
        Changes = changes;
        RenameCandidates = renameCandidates;
    }

    public IReadOnlyList<SchemaChange> Changes { get; }

    /// <summary>Drop-and-add pairs not covered by the renames given, that may be renames.</summary>
    public IReadOnlyList<RenameCandidate> RenameCandidates { get; }

    public bool IsEmpty => Changes.Count == 0;

    public IEnumerable<string> Statements => Changes.SelectMany(c => c.Statements);

    /// <summary>The first change's description (the build warning names it), or null when there is none.</summary>
    public string? FirstDifference => Changes.Count == 0 ? null : Changes[0].Description;
}
