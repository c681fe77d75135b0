using Microsoft.Extensions.Logging;

namespace Newsroom;

/// <summary>
/// Counts the commands RelGen sends (it logs each once at Debug in category RelGen.Sql), so a step can
/// show how many round trips it took; with <c>--sql</c> it also prints them.
/// </summary>
public sealed class SqlLog(bool echo) : ILoggerFactory, ILogger
{
    public int Count { get; private set; }

    public void Reset() => Count = 0;

    public ILogger CreateLogger(string categoryName) => categoryName == "RelGen.Sql" ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public bool IsEnabled(LogLevel logLevel) => logLevel == LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel != LogLevel.Debug)
            return;
        Count++;
        if (echo)
            Console.WriteLine($"    -- {formatter(state, exception).ReplaceLineEndings(" ")}");
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }
}
