using Microsoft.Extensions.Logging;

namespace RelGen.Execution;

/// <summary>
/// The log of category <c>RelGen.Sql</c>. Each command is logged once at Debug (event 1), its message the SQL text and
/// nothing else, so a test can count round trips by counting Debug entries. Above and below Debug: a failed command at
/// Warning (event 2), a command slower than <see cref="RelGenDatabase.SlowCommandThreshold"/> at Warning (event 3), and, with
/// <see cref="RelGenDatabase.EnableSensitiveDataLogging"/>, each command's parameter values at Trace (event 4). The events
/// above Debug come from the operation's <see cref="Telemetry.OperationObserver"/>.
/// </summary>
internal sealed class SqlLog
{
    public const string Category = RelGenDiagnostics.SqlLogCategory;

    private static readonly Action<ILogger, string, Exception?> Executing =
        LoggerMessage.Define<string>(LogLevel.Debug, new EventId(1, "Executing"), "{Sql}");

    private static readonly Action<ILogger, double, string, string, Exception?> Failed =
        LoggerMessage.Define<double, string, string>(LogLevel.Warning, new EventId(2, "CommandFailed"),
            "Command failed after {ElapsedMilliseconds} ms with SQLSTATE {SqlState}: {Sql}");

    private static readonly Action<ILogger, double, string, string, string, Exception?> FailedWithParameters =
        LoggerMessage.Define<double, string, string, string>(LogLevel.Warning, new EventId(2, "CommandFailed"),
            "Command failed after {ElapsedMilliseconds} ms with SQLSTATE {SqlState}, parameters {Parameters}: {Sql}");

    private static readonly Action<ILogger, double, double, string, Exception?> Slow =
        LoggerMessage.Define<double, double, string>(LogLevel.Warning, new EventId(3, "CommandSlow"),
            "Command took {ElapsedMilliseconds} ms, over the {ThresholdMilliseconds} ms threshold: {Sql}");

    private static readonly Action<ILogger, double, double, string, string, Exception?> SlowWithParameters =
        LoggerMessage.Define<double, double, string, string>(LogLevel.Warning, new EventId(3, "CommandSlow"),
            "Command took {ElapsedMilliseconds} ms, over the {ThresholdMilliseconds} ms threshold, parameters {Parameters}: {Sql}");

    private static readonly Action<ILogger, string, Exception?> Parameters =
        LoggerMessage.Define<string>(LogLevel.Trace, new EventId(4, "CommandParameters"), "Parameters {Parameters}");

    private readonly ILogger? _logger;

    public SqlLog(ILoggerFactory? factory) => _logger = factory?.CreateLogger(Category);

    private bool IsEnabled => _logger is not null && _logger.IsEnabled(LogLevel.Debug);

    /// <summary>Whether failed and slow commands would be logged: an operation then needs an observer even with no tracing or metrics.</summary>
    public bool ObservesCommands => _logger is not null && _logger.IsEnabled(LogLevel.Warning);

    /// <summary>Whether the Trace event of parameter values would be written.</summary>
    public bool IsTraceEnabled => _logger is not null && _logger.IsEnabled(LogLevel.Trace);

    public void Command(string sql)
    {
        if (IsEnabled)
            Executing(_logger!, sql, null);
    }

    /// <summary>A batch is one command: its statements joined, the text built only when the log is on.</summary>
    public void Batch(Npgsql.NpgsqlBatch batch)
    {
        if (!IsEnabled)
            return;
        Executing(_logger!, BatchText(batch), null);
    }

    /// <summary>A batch's statements joined as one text, the way it is logged.</summary>
    public static string BatchText(Npgsql.NpgsqlBatch batch)
    {
        var text = new System.Text.StringBuilder();
        foreach (var command in batch.BatchCommands)
            text.Append(text.Length == 0 ? "" : ";\n").Append(command.CommandText);
        return text.ToString();
    }

    public void CommandFailed(TimeSpan elapsed, string? sqlState, string sql, string? parameters, Exception error)
    {
        if (_logger is null)
            return;
        if (parameters is null)
            Failed(_logger, elapsed.TotalMilliseconds, sqlState ?? "none", sql, error);
        else
            FailedWithParameters(_logger, elapsed.TotalMilliseconds, sqlState ?? "none", parameters, sql, error);
    }

    public void CommandSlow(TimeSpan elapsed, TimeSpan threshold, string sql, string? parameters)
    {
        if (_logger is null)
            return;
        if (parameters is null)
            Slow(_logger, elapsed.TotalMilliseconds, threshold.TotalMilliseconds, sql, null);
        else
            SlowWithParameters(_logger, elapsed.TotalMilliseconds, threshold.TotalMilliseconds, parameters, sql, null);
    }

    public void CommandParameters(string parameters)
    {
        if (_logger is not null)
            Parameters(_logger, parameters, null);
    }
}
