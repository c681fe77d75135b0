using RelGen.Benchmarks.Data;
using RelGen.Benchmarks.Infrastructure;

namespace RelGen.Benchmarks.Scenarios;

/// <summary>
/// A scenario measured at several sizes. <see cref="Rows"/> is the number of rows each variant reads or writes; the read
/// scenarios use the schema <c>rows_N</c> that <see cref="SizedData"/> builds once per run (twice as many articles as read, half
/// of them belonging to reporters named "Target"), the writing ones the <c>scratch</c> schema.
/// </summary>
public abstract class SizedScenario : ScenarioBase
{
    /// <summary>Rows read or written by one operation; each scenario lists its sizes with <c>[Params]</c>.</summary>
    public abstract int Rows { get; set; }

    protected override string Schema => SizedData.SchemaFor(Rows);

    protected override string CheckKey => $"{GetType().Name}({Rows})";

    protected override void PrepareData() => SizedData.Ensure(BenchDatabase.ConnectionString, Rows);

    /// <summary>Whether a variant runs at this size (see <see cref="MaxRowsAttribute"/>).</summary>
    protected bool Runs(string variant) => MaxRowsFilter.Allows(GetType().GetMethod(variant)!, Rows);
}
