using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RelGen.Tests.Support;

/// <summary>Captures every entry of every category at every level, with its event id, formatted message, state and exception.</summary>
public sealed class LogCapture : ILoggerFactory
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    /// <summary>The entries of category <c>RelGen.Sql</c>.</summary>
    public IReadOnlyList<Entry> Sql => Entries.Where(e => e.Category == RelGenDiagnostics.SqlLogCategory).ToArray();

    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    public sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State,
        Exception? Exception)
    {
        public object? this[string name] => State.FirstOrDefault(p => p.Key == name).Value;
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var pairs = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            owner._entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), pairs.ToArray(), exception));
        }
    }
}
