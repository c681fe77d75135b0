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

    private RelGenDatabase(NpgsqlDataSource dataSource, bool ownsDataSource, ILoggerFactory? loggerFactory)
    {
        DataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        Log = new SqlLog(loggerFactory);
        TransactionLog = loggerFactory?.CreateLogger(TransactionLogCategory);
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

    public ValueTask DisposeAsync() => _ownsDataSource ? DataSource.DisposeAsync() : default;

    public void Dispose()
    {
        if (_ownsDataSource)
            DataSource.Dispose();
    }
}
