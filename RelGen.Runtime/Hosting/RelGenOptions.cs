namespace RelGen;

/// <summary>
/// The settings of a <see cref="RelGenDatabase"/> registered with <c>services.AddRelGen(...)</c>, bound the usual way
/// (<c>services.Configure&lt;RelGenOptions&gt;(configuration.GetSection("RelGen"))</c>, or the callback of <c>AddRelGen</c>).
/// A keyed registration reads the named options whose name is the key.
/// </summary>
public sealed class RelGenOptions
{
    /// <summary>
    /// The connection string, when the registration gives none and the container holds no <c>NpgsqlDataSource</c>
    /// (for example from configuration: <c>"RelGen": { "ConnectionString": "Host=…" }</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>What reading an unloaded relation does for objects of this database's queries (<see cref="RelGen.FetchMode.One"/> by default).</summary>
    public FetchMode FetchMode { get; set; } = FetchMode.One;

    /// <summary>Whether statements are prepared on the server (<see cref="RelGen.StatementPreparation.Auto"/> by default; <c>Unprepared</c> behind PgBouncer in transaction mode).</summary>
    public StatementPreparation StatementPreparation { get; set; } = StatementPreparation.Auto;

    /// <summary>Whether activities carry their commands' SQL text (<c>db.query.text</c>); off by default. See <see cref="RelGenDatabase.RecordStatementText"/>.</summary>
    public bool RecordStatementText { get; set; }

    /// <summary>Commands slower than this are logged at Warning; null (the default) logs none. See <see cref="RelGenDatabase.SlowCommandThreshold"/>.</summary>
    public TimeSpan? SlowCommandThreshold { get; set; }

    /// <summary>Whether parameter values may be logged; off by default. See <see cref="RelGenDatabase.EnableSensitiveDataLogging"/>.</summary>
    public bool EnableSensitiveDataLogging { get; set; }

    /// <summary>Where reads go when a query does not say, on a database with replicas (a multi-host connection string): <see cref="RelGen.ReadFrom.Primary"/> by default.</summary>
    public ReadFrom ReadFrom { get; set; } = ReadFrom.Primary;

    /// <summary>How a flow reads its own writes on a database with replicas (<see cref="RelGen.ReadYourWrites.ReplayedLsn"/> by default).</summary>
    public ReadYourWrites ReadYourWrites { get; set; } = ReadYourWrites.ReplayedLsn;

    /// <summary>The window of <see cref="RelGen.ReadYourWrites.Window"/> (2 seconds by default).</summary>
    public TimeSpan ReadYourWritesWindow { get; set; } = TimeSpan.FromSeconds(2);
}
