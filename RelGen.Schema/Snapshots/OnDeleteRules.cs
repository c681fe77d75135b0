namespace RelGen.Schema.Snapshots;

/// <summary>The <c>ON DELETE</c> rules a foreign key can carry, spelled as in SQL.</summary>
public static class OnDeleteRules
{
    public const string NoAction = "NO ACTION";
    public const string Restrict = "RESTRICT";
    public const string Cascade = "CASCADE";
    public const string SetNull = "SET NULL";
    public const string SetDefault = "SET DEFAULT";

    internal static string Require(string rule) => rule switch
    {
        NoAction or Restrict or Cascade or SetNull or SetDefault => rule,
        _ => throw new System.ArgumentException(
            $"'{rule}' is not an ON DELETE rule; expected {NoAction}, {Restrict}, {Cascade}, {SetNull} or {SetDefault}."),
    };
}
