namespace RelGen.Schema.Snapshots;

/// <summary>A <c>CHECK</c> constraint: its name and its boolean SQL expression, compared as text.</summary>
public sealed class CheckConstraintSnapshot
{
    public CheckConstraintSnapshot(string name, string sql)
    {
        Name = Names.Require(name, "check constraint name");
        Sql = Names.Require(sql, "check constraint SQL");
    }

    public string Name { get; }

    public string Sql { get; }

    internal CheckConstraintSnapshot WithName(string name) => new(name, Sql);

    internal bool SameDefinition(CheckConstraintSnapshot other) => Sql == other.Sql;
}
