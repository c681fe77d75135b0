namespace RelGen;

public sealed partial class RelGenDatabase
{
    private TimeSpan? _slowCommandThreshold;

    /// <summary>
    /// Whether RelGen's activities carry the SQL text of their commands (<c>db.query.text</c>), off by default. The text holds
    /// parameter placeholders, never values, but it can be long and it names tables and columns; turn it on where traces may
    /// hold that. The <c>RelGen.Sql</c> log carries the text either way.
    /// </summary>
    public bool RecordStatementText { get; set; }

    /// <summary>
    /// A command that runs longer than this is logged at Warning in category <see cref="RelGenDiagnostics.SqlLogCategory"/>
    /// (event 3, <c>CommandSlow</c>) with its duration and SQL; null (the default) logs none. A command's time runs from its
    /// execution until the next command of the same operation starts or the operation ends, so a read counts the reading of its rows.
    /// </summary>
    public TimeSpan? SlowCommandThreshold
    {
        get => _slowCommandThreshold;
        set
        {
            if (value is { } threshold && threshold < TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(value), threshold, "The slow command threshold cannot be negative.");
            _slowCommandThreshold = value;
        }
    }

    /// <summary>
    /// Whether parameter values may be logged, off by default: when on, failed and slow commands carry them, and each command's
    /// values are logged at Trace (event 4, <c>CommandParameters</c>) in category <see cref="RelGenDiagnostics.SqlLogCategory"/>.
    /// Values can be personal data or secrets: turn it on only where the logs may hold them. The Debug entry of each command
    /// never carries them.
    /// </summary>
    public bool EnableSensitiveDataLogging { get; set; }
}
