using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RelGen.Tests.Support;

/// <summary>Captures what RelGen logs in category RelGen.Sql, so tests can read the SQL and count round trips.</summary>
public sealed class SqlCapture : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<string> _commands = new();

    public IReadOnlyList<string> Commands => _commands.ToArray();

    public int Count => _commands.Count;

    public void Clear() => _commands.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class Logger(SqlCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (category == "RelGen.Sql" && logLevel == LogLevel.Debug)
                owner._commands.Enqueue(formatter(state, exception));
        }
    }
}
