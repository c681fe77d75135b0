namespace RelGen.Schema.Diff;

/// <summary>What a <see cref="SchemaChange"/> does, for callers that treat kinds differently (the tool flags data loss).</summary>
public enum ChangeKind
{
    CreateTable,
    DropTable,
    RenameTable,
    AddColumn,
    DropColumn,
    RenameColumn,
    AlterColumn,
    AddPrimaryKey,
    DropPrimaryKey,
    AddForeignKey,
    DropForeignKey,
    AddIndex,
    DropIndex,
    AddUniqueConstraint,
    DropUniqueConstraint,
    AddCheckConstraint,
    DropCheckConstraint,
    RenameConstraint,
    RenameIndex,

    /// <summary>A created table made a Citus reference or distributed table, where the <c>citus</c> extension is installed.</summary>
    DistributeTable,
}
