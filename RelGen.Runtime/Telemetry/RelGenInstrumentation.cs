using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RelGen.Telemetry;

/// <summary>
/// RelGen's <see cref="ActivitySource"/> and <see cref="Meter"/> (both named <see cref="RelGenDiagnostics.ActivitySourceName"/>,
/// versioned by the assembly), and the instruments of OpenTelemetry's database client conventions. Process-wide, as
/// OpenTelemetry expects: listeners subscribe by name.
/// </summary>
internal static class RelGenInstrumentation
{
    private static readonly string? Version = typeof(RelGenInstrumentation).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(RelGenDiagnostics.ActivitySourceName, Version);

    public static readonly Meter Meter = new(RelGenDiagnostics.MeterName, Version);

    /// <summary>The semantic conventions' <c>db.client.operation.duration</c>: one RelGen operation, connection wait included.</summary>
    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "db.client.operation.duration", "s", "Duration of database client operations."
#if NET9_0_OR_GREATER
        // The buckets the conventions recommend: the default ones are made for milliseconds. (.NET 8 has no advice: the
        // application sets them with a view.)
        , tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10] }
#endif
        );

    /// <summary>The semantic conventions' <c>db.client.response.returned_rows</c>: the rows the operation's reads returned.</summary>
    public static readonly Histogram<long> ReturnedRows = Meter.CreateHistogram<long>(
        "db.client.response.returned_rows", "{row}", "The actual number of records returned by the database operation."
#if NET9_0_OR_GREATER
        , tags: null, advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] }
#endif
        );

    /// <summary>True when an activity listener, a metrics listener, or both would see an operation.</summary>
    public static bool IsObserved => Source.HasListeners() || OperationDuration.Enabled || ReturnedRows.Enabled;
}
