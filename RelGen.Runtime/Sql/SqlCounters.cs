namespace RelGen.Sql;

/// <summary>Numbering shared by a statement and its subqueries: parameters <c>$n</c> and table aliases.</summary>
internal sealed class SqlCounters
{
    private int _aliases;

    public int Parameters { get; private set; }

    public string NextAlias() => "t" + _aliases++.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public int NextParameter() => ++Parameters;
}
