namespace RelGen.Schema.Diff;

/// <summary>
/// A dropped table and an added one, or a dropped column and an added one of the same type in one table:
/// possibly a rename. The differ never guesses; the tool asks, or takes <c>--rename</c>.
/// </summary>
public sealed class RenameCandidate
{
    public RenameCandidate(string? table, string oldName, string newName)
    {
        Table = table;
        OldName = oldName;
        NewName = newName;
    }

    /// <summary>For a column, its table (the table's new name); null for a table.</summary>
    public string? Table { get; }

    public string OldName { get; }

    public string NewName { get; }

    public bool IsTable => Table is null;

    /// <summary>The tool's flag value that confirms the rename: <c>old=new</c> or <c>table.old=new</c>.</summary>
    public string RenameArgument => IsTable ? $"{OldName}={NewName}" : $"{Table}.{OldName}={NewName}";

    /// <summary>The tool's flag value that confirms a drop: <c>old</c> or <c>table.old</c>.</summary>
    public string DropArgument => IsTable ? OldName : $"{Table}.{OldName}";

    public override string ToString()
        => IsTable ? $"table '{OldName}' dropped and table '{NewName}' added" : $"column '{Table}.{OldName}' dropped and column '{Table}.{NewName}' added";
}
