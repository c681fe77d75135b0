using Microsoft.Extensions.Logging;
using Npgsql;
using RelGen.Execution;
using RelGen.Metadata;

namespace RelGen;

/// <summary>
/// The handle on one PostgreSQL database: schema, saving, deleting and transactions. Query sets start
/// from the generated <c>Model.Objects(db)</c>. Thread-safe; dispose it when done.
/// </summary>
public sealed partial class RelGenDatabase : IAsyncDisposable, IDisposable
{
    private readonly bool _ownsDataSource;
    private readonly AsyncLocal<RelGenTransaction?> _ambient = new();

    private RelGenDatabase(NpgsqlDataSource dataSource, bool ownsDataSource, ILoggerFactory? loggerFactory)
    {
        DataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        Log = new SqlLog(loggerFactory);
        DefaultContext = new LoadContext(this, mode: null, peers: null);
    }

    /// <summary>Opens a database from a connection string (<c>Search Path</c> picks the schema).</summary>
    public static RelGenDatabase Create(string connectionString, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return new RelGenDatabase(NpgsqlDataSource.Create(connectionString), ownsDataSource: true, loggerFactory);
    }

    /// <summary>Uses an existing data source; the caller keeps ownership of it.</summary>
    public static RelGenDatabase Create(NpgsqlDataSource dataSource, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return new RelGenDatabase(dataSource, ownsDataSource: false, loggerFactory);
    }

    /// <summary>The Npgsql data source every connection comes from.</summary>
    public NpgsqlDataSource DataSource { get; }

    internal SqlLog Log { get; }

    /// <summary>The context of objects saved here or read by plain queries: no explicit fetch mode, no peers; shared.</summary>
    internal LoadContext DefaultContext { get; }

    /// <summary>What reading an unloaded relation does for objects of this database's queries; <see cref="RelGen.FetchMode.One"/> by default.</summary>
    public FetchMode FetchMode { get; set; } = FetchMode.One;

    /// <summary>Begins a transaction that every operation on this database in the same async flow joins.</summary>
    public Task<RelGenTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        // Not async: the ambient value must be set in the caller's flow, which an async method would not do.
        if (_ambient.Value is { IsActive: true })
            throw new InvalidOperationException("A RelGen transaction is already active in this async flow; nested transactions are not supported.");
        var transaction = new RelGenTransaction(this, outer: null);
        _ambient.Value = transaction;
        return transaction.StartAsync(cancellationToken);
    }

    internal void ClearAmbient(RelGenTransaction transaction, RelGenTransaction? outer)
    {
        if (ReferenceEquals(_ambient.Value, transaction))
            _ambient.Value = outer;
    }

    /// <summary>True when an operation in this flow runs inside a transaction already.</summary>
    internal bool InTransaction => _ambient.Value is { IsActive: true };

    internal async ValueTask<ConnectionLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var ambient = _ambient.Value;
        if (ambient is { IsActive: true })
        {
            await ambient.AcquireAsync(cancellationToken).ConfigureAwait(false);
            return new ConnectionLease(ambient.Connection, ambient);
        }
        return new ConnectionLease(await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>The synchronous form of <see cref="AcquireAsync"/>, for the one synchronous path: a relation loaded inside a property getter.</summary>
    internal ConnectionLease Acquire()
    {
        var ambient = _ambient.Value;
        if (ambient is { IsActive: true })
        {
            ambient.Acquire();
            return new ConnectionLease(ambient.Connection, ambient);
        }
        return new ConnectionLease(DataSource.OpenConnection(), null);
    }

    /// <summary>Creates a command on the lease's connection and logs its text.</summary>
    internal NpgsqlCommand CreateCommand(in ConnectionLease lease, string sql)
    {
        Log.Command(sql);
        return new NpgsqlCommand(sql, lease.Connection, lease.Transaction);
    }

    /// <summary>
    /// Prepares a statement whose text comes from a bounded set (one per model or per cached query shape). On a pooled
    /// connection that already prepared the same text this sends nothing, so planning is paid once per connection.
    /// </summary>
    internal static Task PrepareAsync(NpgsqlCommand command, CancellationToken cancellationToken) => command.PrepareAsync(cancellationToken);

    public ValueTask DisposeAsync() => _ownsDataSource ? DataSource.DisposeAsync() : default;

    public void Dispose()
    {
        if (_ownsDataSource)
            DataSource.Dispose();
    }
}
