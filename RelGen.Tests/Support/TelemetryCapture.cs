using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RelGen.Tests.Support;

/// <summary>
/// Listens to RelGen's activity source and meter (and, when asked, Npgsql's activity source) for the length of a test, and keeps
/// what concerns one database: the listeners are process-wide, and other fixtures' databases have other names.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly string _database;
    private readonly ActivityListener _activities;
    private readonly MeterListener? _meters;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public TelemetryCapture(string database, bool relGen = true, bool npgsql = false, bool metrics = true)
    {
        _database = database;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => (relGen && source.Name == RelGenDiagnostics.ActivitySourceName) || (npgsql && source.Name == "Npgsql"),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
        if (!metrics)
            return;
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == RelGenDiagnostics.MeterName)
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    /// <summary>RelGen's stopped activities on this database, in the order they stopped.</summary>
    public IReadOnlyList<Activity> RelGen => _stopped.Where(a => a.Source.Name == RelGenDiagnostics.ActivitySourceName && Tag(a, "db.namespace") == _database).ToArray();

    /// <summary>Npgsql's stopped activities (on any database: filter by parent).</summary>
    public IReadOnlyList<Activity> Npgsql => _stopped.Where(a => a.Source.Name == "Npgsql").ToArray();

    public IReadOnlyList<Measurement> Measurements(string instrument)
        => _measurements.Where(m => m.Instrument == instrument && (string?)m.Tags.GetValueOrDefault("db.namespace") == _database).ToArray();

    public void Clear()
    {
        _stopped.Clear();
        _measurements.Clear();
    }

    public static string? Tag(Activity activity, string name) => activity.GetTagItem(name)?.ToString();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        => _measurements.Enqueue(new Measurement(instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));

    public void Dispose()
    {
        _activities.Dispose();
        _meters?.Dispose();
    }

    public sealed record Measurement(string Instrument, double Value, Dictionary<string, object?> Tags);
}
