using System.Diagnostics;
using System.Text;
using Npgsql;
using RelGen.Execution;

namespace RelGen.Telemetry;

/// <summary>
/// What one RelGen operation reports while it runs on its <see cref="ConnectionLease"/>: its activity (started with the lease,
/// current while its commands run, so Npgsql's activities nest under it), the two metrics, and the failed and slow command
/// log events. It exists only when something listens (<see cref="Start"/> returns null otherwise), so an unobserved operation
/// pays one check. Tags follow OpenTelemetry's database semantic conventions (stable, v1.33 and later).
/// </summary>
internal sealed class OperationObserver
{
    private const string Select = "SELECT";

    private readonly RelGenDatabase _database;
    private readonly string? _table;
    private readonly bool _fixedName;
    private readonly bool _logs;
    private readonly long _started;
    private readonly Activity? _activity;
    private string? _operationName;
    private string? _namespace;
    private string? _server;
    private int _port;
    private string? _errorType;
    private string? _sqlState;
    private long _rows = -1;
    private StringBuilder? _queryText;
    private bool _ended;

    // The command that runs now: one of these three, from its execution until the next one starts or the operation ends.
    private NpgsqlCommand? _command;
    private NpgsqlBatch? _batch;
    private string? _statement;
    private long _commandStarted;
    private bool _commandFailed;
    private IEnumerable<NpgsqlBatchCommand>? _statements;

    private OperationObserver(RelGenDatabase database, DatabaseOperation operation, string? model, string? table, bool logs)
    {
        _database = database;
        _logs = logs;
        _table = table ?? ModelTables.Of(model);
        _operationName = FixedName(operation);
        _fixedName = _operationName is not null;
        _started = Stopwatch.GetTimestamp();
        if (!RelGenInstrumentation.Source.HasListeners())
            return;
        _activity = RelGenInstrumentation.Source.StartActivity(SpanName(), ActivityKind.Client);
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag("db.system.name", "postgresql");
            if (_table is not null)
                _activity.SetTag("db.collection.name", _table);
            if (_operationName is not null)
                _activity.SetTag("db.operation.name", _operationName);
            _activity.SetTag("relgen.operation", OperationTag(operation));
            if (model is not null)
                _activity.SetTag("relgen.model", model);
        }
    }

    /// <summary>
    /// Starts observing an operation, or returns null when nobody listens: no activity listener for RelGen's source, no metrics
    /// listener for its instruments, no <c>RelGen.Sql</c> logger at Warning. Called synchronously in the operation's own async
    /// method, so the activity becomes <see cref="Activity.Current"/> there for the commands that follow.
    /// </summary>
    public static OperationObserver? Start(RelGenDatabase database, DatabaseOperation operation, string? model, string? table)
    {
        var logs = database.Log.ObservesCommands;
        return logs || RelGenInstrumentation.IsObserved ? new OperationObserver(database, operation, model, table, logs) : null;
    }

    /// <summary>The connection is there: the database and server it reached.</summary>
    public void Connected(NpgsqlConnection connection)
    {
        _namespace = connection.Database;
        _server = connection.Host;
        _port = connection.Port;
        if (_activity is { IsAllDataRequested: true })
        {
            if (!string.IsNullOrEmpty(_namespace))
                _activity.SetTag("db.namespace", _namespace);
            if (!string.IsNullOrEmpty(_server))
                _activity.SetTag("server.address", _server);
            if (_port > 0)
                _activity.SetTag("server.port", _port);
        }
    }

    public void Begin(NpgsqlCommand command)
    {
        EndCommand();
        _command = command;
        Note(command.CommandText);
        Started(command.Parameters.Count > 0 ? command : null, null);
    }

    public void Begin(NpgsqlBatch batch)
    {
        EndCommand();
        _batch = batch;
        foreach (var statement in batch.BatchCommands)
            Note(statement.CommandText);
        Started(null, batch);
    }

    /// <summary>A statement known only by its text: a COPY, or transaction control (COMMIT, ROLLBACK, savepoints).</summary>
    public void Begin(string sql)
    {
        EndCommand();
        _statement = sql;
        Note(sql);
        Started(null, null);
    }

    /// <summary>For catch filters outside a lease (transaction control): records the failure, returns the typed error.</summary>
    public static Exception? Observe(OperationObserver? observer, Exception error, Exception? translated)
    {
        observer?.Failed(error, translated);
        return translated;
    }

    /// <summary>
    /// Keeps the statements of a reader's command, whose row counts (<see cref="NpgsqlBatchCommand.Rows"/>, from each statement's
    /// command tag) are complete once the reader has been read and closed: what <c>db.response.returned_rows</c> reports.
    /// </summary>
    public Task<NpgsqlDataReader> Track(Task<NpgsqlDataReader> execution)
    {
        if (execution.IsCompletedSuccessfully)
        {
            Track(execution.Result);
            return execution;
        }
        return TrackAsync(execution);
    }

    public NpgsqlDataReader Track(NpgsqlDataReader reader)
    {
        if (_batch is not null)
        {
            _statements = _batch.BatchCommands;
        }
        else
        {
            // A command's statements are public only here (the DbBatch API's own are the batch's commands). Obsolete in Npgsql 8
            // to 10 without a replacement for commands; RelGen's package tests run on all three.
#pragma warning disable CS0618
            _statements = reader.Statements;
#pragma warning restore CS0618
        }
        return reader;
    }

    private async Task<NpgsqlDataReader> TrackAsync(Task<NpgsqlDataReader> execution)
        => Track(await execution.ConfigureAwait(false));

    /// <summary>
    /// The operation failed with <paramref name="error"/> (<paramref name="translated"/> is RelGen's typed error for it, null when
    /// it is not a database error). The first failure decides <c>error.type</c>: an outer catch filter sees the typed error again.
    /// </summary>
    public void Failed(Exception error, Exception? translated)
    {
        if (_errorType is not null)
            return;
        var postgres = error as PostgresException ?? error.InnerException as PostgresException;
        _sqlState = (translated as DatabaseException)?.SqlState ?? postgres?.SqlState ?? (error as DatabaseException)?.SqlState;
        _errorType = _sqlState ?? (translated ?? error).GetType().FullName ?? "error";
        if (_logs && translated is not null && Running && !_commandFailed)
        {
            _commandFailed = true;
            _database.Log.CommandFailed(Stopwatch.GetElapsedTime(_commandStarted), _sqlState, CommandText(), Parameters(), translated);
        }
    }

    /// <summary>The operation ended before it had a connection (connecting failed): records <paramref name="error"/> and ends.</summary>
    public void FailedToConnect(Exception error)
    {
        Failed(error, error as RelGenException);
        End();
    }

    /// <summary>The operation is over (its lease is disposed): the last command ends, the metrics are recorded and the activity stops.</summary>
    public void End()
    {
        if (_ended)
            return;
        _ended = true;
        EndCommand();
        if (RelGenInstrumentation.OperationDuration.Enabled || RelGenInstrumentation.ReturnedRows.Enabled)
        {
            var tags = new TagList { { "db.system.name", "postgresql" } };
            if (_operationName is not null)
                tags.Add("db.operation.name", _operationName);
            if (_table is not null)
                tags.Add("db.collection.name", _table);
            if (!string.IsNullOrEmpty(_namespace))
                tags.Add("db.namespace", _namespace);
            if (!string.IsNullOrEmpty(_server))
                tags.Add("server.address", _server);
            if (_port > 0)
                tags.Add("server.port", _port);
            if (_errorType is not null)
                tags.Add("error.type", _errorType);
            if (_sqlState is not null)
                tags.Add("db.response.status_code", _sqlState);
            RelGenInstrumentation.OperationDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
            if (_rows >= 0)
                RelGenInstrumentation.ReturnedRows.Record(_rows, tags);
        }
        if (_activity is null)
            return;
        if (_activity.IsAllDataRequested)
        {
            if (!_fixedName && _operationName is not null)
            {
                _activity.SetTag("db.operation.name", _operationName);
                _activity.DisplayName = SpanName();
            }
            if (_rows >= 0)
                _activity.SetTag("db.response.returned_rows", _rows);
            if (_queryText is not null)
                _activity.SetTag("db.query.text", _queryText.ToString());
            if (_errorType is not null)
                _activity.SetTag("error.type", _errorType);
            if (_sqlState is not null)
                _activity.SetTag("db.response.status_code", _sqlState);
        }
        if (_errorType is not null)
            _activity.SetStatus(ActivityStatusCode.Error);
        // Stop makes current what was current when the activity started. An enumeration ends in another flow than the one it
        // started in (its DisposeAsync): there the activity is not current, and that flow's own current activity stays.
        var current = Activity.Current;
        _activity.Stop();
        if (current != _activity)
            Activity.Current = current;
    }

    private bool Running => _command is not null || _batch is not null || _statement is not null;

    private void Started(NpgsqlCommand? withParameters, NpgsqlBatch? batch)
    {
        _commandFailed = false;
        _statements = null;
        if (_database.EnableSensitiveDataLogging && _database.Log.IsTraceEnabled && (withParameters is not null || batch is not null))
            _database.Log.CommandParameters(withParameters is not null ? ParameterText.Of(withParameters.Parameters) : ParameterText.Of(batch!));
        _commandStarted = Stopwatch.GetTimestamp();
    }

    /// <summary>What a statement tells about the operation: its kind (when the operation's own kind does not fix it), and its text when asked for.</summary>
    private void Note(string sql)
    {
        if (!_fixedName && Verb(sql) is { } verb && (_operationName is null || (_operationName == Select && verb != Select)))
            _operationName = verb;
        if (_activity is { IsAllDataRequested: true } && _database.RecordStatementText)
            (_queryText ??= new StringBuilder()).Append(_queryText.Length == 0 ? "" : ";\n").Append(sql);
    }

    private void EndCommand()
    {
        if (!Running)
            return;
        var elapsed = Stopwatch.GetElapsedTime(_commandStarted);
        if (_statements is not null)
        {
            long rows = 0;
            foreach (var statement in _statements)
                rows += (long)statement.Rows;
            _rows = Math.Max(_rows, 0) + rows;
        }
        if (_logs && !_commandFailed && _database.SlowCommandThreshold is { } threshold && elapsed > threshold)
            _database.Log.CommandSlow(elapsed, threshold, CommandText(), Parameters());
        _command = null;
        _batch = null;
        _statement = null;
        _statements = null;
    }

    private string CommandText() => _command?.CommandText ?? (_batch is not null ? SqlLog.BatchText(_batch) : _statement ?? "");

    private string? Parameters()
    {
        if (!_database.EnableSensitiveDataLogging)
            return null;
        if (_command is not null)
            return ParameterText.Of(_command.Parameters);
        return _batch is not null ? ParameterText.Of(_batch) : null;
    }

    /// <summary><c>{db.operation.name} {db.collection.name}</c>, or what of it is known, or the database system.</summary>
    private string SpanName() => (_operationName, _table) switch
    {
        ({ } operation, { } table) => operation + " " + table,
        ({ } operation, null) => operation,
        (null, { } table) => table,
        _ => "postgresql",
    };

    /// <summary>
    /// The SQL kind of operations whose statements all serve one: a read is a SELECT, a delete with its cascade (locks, SET NULL
    /// updates and deletes) a DELETE, a set-based or manager update an UPDATE. The others take it from their statements.
    /// </summary>
    private static string? FixedName(DatabaseOperation operation) => operation switch
    {
        DatabaseOperation.Query or DatabaseOperation.Load => Select,
        DatabaseOperation.Delete => "DELETE",
        DatabaseOperation.Update => "UPDATE",
        _ => null,
    };

    private static string OperationTag(DatabaseOperation operation) => operation switch
    {
        DatabaseOperation.Query => "Query",
        DatabaseOperation.Load => "Load",
        DatabaseOperation.Save => "Save",
        DatabaseOperation.BulkCreate => "BulkCreate",
        DatabaseOperation.Update => "Update",
        DatabaseOperation.Delete => "Delete",
        DatabaseOperation.Sql => "Sql",
        DatabaseOperation.Schema => "Schema",
        DatabaseOperation.Transaction => "Transaction",
        DatabaseOperation.Commit => "Commit",
        _ => operation.ToString(),
    };

    /// <summary>The statement's first keyword when it is one of the kinds worth naming an operation by.</summary>
    private static string? Verb(string sql)
    {
        var span = sql.AsSpan().TrimStart();
        var end = 0;
        while (end < span.Length && char.IsAsciiLetter(span[end]))
            end++;
        var word = span[..end];
        foreach (var verb in Verbs)
        {
            if (word.Equals(verb, StringComparison.OrdinalIgnoreCase))
                return verb;
        }
        return null;
    }

    private static readonly string[] Verbs = [Select, "INSERT", "UPDATE", "DELETE", "COPY", "CREATE", "DROP", "ALTER", "TRUNCATE", "MERGE", "COMMIT",
        "ROLLBACK", "SAVEPOINT", "RELEASE"];
}
