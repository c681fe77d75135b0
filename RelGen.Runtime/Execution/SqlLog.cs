using Microsoft.Extensions.Logging;

namespace RelGen.Execution;

/// <summary>Logs each command once at Debug in category <c>RelGen.Sql</c>, its message the SQL text.</summary>
internal sealed class SqlLog
{
    public const string Category = "RelGen.Sql";

    private static readonly Action<ILogger, string, Exception?> Executing =
        LoggerMessage.Define<string>(LogLevel.Debug, new EventId(1, "Executing"), "{Sql}");

    private readonly ILogger? _logger;

    public SqlLog(ILoggerFactory? factory) => _logger = factory?.CreateLogger(Category);

    private bool IsEnabled => _logger is not null && _logger.IsEnabled(LogLevel.Debug);

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
        var text = new System.Text.StringBuilder();
        foreach (var command in batch.BatchCommands)
            text.Append(text.Length == 0 ? "" : ";\n").Append(command.CommandText);
        Executing(_logger!, text.ToString(), null);
    }
}
