using System.Collections.Generic;

namespace RelGen.Schema.Diff;

/// <summary>One step of a migration: what it does in words (for the tool's output and the build warning) and its SQL statements.</summary>
public sealed class SchemaChange
{
    public SchemaChange(ChangeKind kind, string description, IReadOnlyList<string> statements)
    {
        Kind = kind;
        Description = description;
        Statements = statements;
    }

    public ChangeKind Kind { get; }

    /// <summary>E.g. <c>add column reporter.email (varchar(100) NOT NULL)</c>.</summary>
    public string Description { get; }

    /// <summary>The statements, without closing semicolons; a statement may start with <c>--</c> comment lines.</summary>
    public IReadOnlyList<string> Statements { get; }

    /// <summary>True for a change whose up step deletes stored values (a dropped table or column).</summary>
    public bool DropsData => Kind is ChangeKind.DropTable or ChangeKind.DropColumn;

    public override string ToString() => Description;
}
