namespace RelGen;

/// <summary>
/// The names under which RelGen reports what it does, for OpenTelemetry and logging configuration:
/// <c>tracing.AddSource(RelGenDiagnostics.ActivitySourceName)</c>, <c>metrics.AddMeter(RelGenDiagnostics.MeterName)</c>,
/// and the log category <see cref="SqlLogCategory"/>.
/// </summary>
public static class RelGenDiagnostics
{
    /// <summary>
    /// The <see cref="System.Diagnostics.ActivitySource"/> of RelGen's operations, <c>"RelGen"</c>: one client activity per
    /// operation (a query's read, a save, a delete with its cascade, a bulk create), following OpenTelemetry's database
    /// semantic conventions. Npgsql's own activities (source <c>"Npgsql"</c>) nest under it.
    /// </summary>
    public const string ActivitySourceName = "RelGen";

    /// <summary>
    /// The <see cref="System.Diagnostics.Metrics.Meter"/> of RelGen, <c>"RelGen"</c>: the histograms
    /// <c>db.client.operation.duration</c> (seconds) and <c>db.client.response.returned_rows</c>.
    /// </summary>
    public const string MeterName = "RelGen";

    /// <summary>
    /// The log category of RelGen's commands, <c>"RelGen.Sql"</c>: each command once at Debug (its message the SQL text),
    /// failed and slow commands at Warning, parameter values at Trace when <see cref="RelGenDatabase.EnableSensitiveDataLogging"/> is on.
    /// </summary>
    public const string SqlLogCategory = "RelGen.Sql";
}
