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

    // What the handle was made from (and disposes when it owns it): DataSource is a view of it when it is multi-host.
    private readonly NpgsqlDataSource _source;

    private RelGenDatabase(NpgsqlDataSource dataSource, bool ownsDataSource, ILoggerFactory? loggerFactory)
    {
        _source = dataSource;
        DataSource = dataSource;
        if (dataSource is NpgsqlMultiHostDataSource multiHost)
        {
            // Primary and standbys behind one connection string: writes to the primary, replica reads preferring a standby.
            DataSource = multiHost.WithTargetSession(TargetSessionAttributes.Primary);
            Replicas = new ReplicaRouter(multiHost.WithTargetSession(TargetSessionAttributes.PreferStandby));
        }
        _ownsDataSource = ownsDataSource;
        Log = new SqlLog(loggerFactory);
        TransactionLog = loggerFactory?.CreateLogger(TransactionLogCategory);
        DefaultContext = new LoadContext(this, mode: null, peers: null);
    }

    /// <summary>
    /// Opens a database from a connection string (<c>Search Path</c> picks the schema). A multi-host string
    /// (<c>Host=primary,standby1,standby2</c>) gives a database with read replicas: writes go to whichever host is the primary
    /// (also after a failover), and reads to a standby where <see cref="ReadFrom"/> or <c>UsingReplica()</c> asks for one.
    /// </summary>
    public static RelGenDatabase Create(string connectionString, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return new RelGenDatabase(NpgsqlDataSource.Create(connectionString), ownsDataSource: true, loggerFactory);
    }

    /// <summary>Uses an existing data source; the caller keeps ownership of it. A multi-host one works as a multi-host connection string.</summary>
    public static RelGenDatabase Create(NpgsqlDataSource dataSource, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return new RelGenDatabase(dataSource, ownsDataSource: false, loggerFactory);
    }

    /// <summary>
    /// The Npgsql data source of the primary: writes, transactions, migrations and primary reads connect through it (for a
    /// multi-host data source, its view that targets the primary).
    /// </summary>
    public NpgsqlDataSource DataSource { get; }

    internal SqlLog Log { get; }

    /// <summary>The context of objects saved here or read by plain queries: no explicit fetch mode, no peers; shared.</summary>
    internal LoadContext DefaultContext { get; }

    /// <summary>What reading an unloaded relation does for objects of this database's queries; <see cref="RelGen.FetchMode.One"/> by default.</summary>
    public FetchMode FetchMode { get; set; } = FetchMode.One;

    /// <summary>Disposes the data source when this handle opened it (<see cref="Create(string, ILoggerFactory?)"/>); one the caller passed in stays open.</summary>
    public ValueTask DisposeAsync() => _ownsDataSource ? _source.DisposeAsync() : default;

    /// <summary>Disposes the data source when this handle opened it, as <see cref="DisposeAsync"/> does, synchronously.</summary>
    public void Dispose()
    {
        if (_ownsDataSource)
            _source.Dispose();
    }
}
