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

    public void Command(string sql)
    {
        if (_logger is not null && _logger.IsEnabled(LogLevel.Debug))
            Executing(_logger, sql, null);
    }
}
