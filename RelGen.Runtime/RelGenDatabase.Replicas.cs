using Microsoft.Extensions.Logging;
using Npgsql;
using RelGen.Execution;
using RelGen.Metadata;
using RelGen.Telemetry;

namespace RelGen;

public sealed partial class RelGenDatabase
{
    private LoadContext? _primaryContext;
    private LoadContext? _replicaContext;

    /// <summary>
    /// A database over a primary and its read replicas (Django's database router in one handle). Writes, row locks and
    /// everything inside a transaction go to <paramref name="primary"/>; reads go to <paramref name="replicas"/> where
    /// <see cref="ReadFrom"/> or a query's <c>UsingReplica()</c> says so. A multi-host data source (<c>Host=a,b,c</c>) as
    /// <paramref name="primary"/> is narrowed to the host that is primary (<c>TargetSessionAttributes.Primary</c>), and as
    /// <paramref name="replicas"/> to a standby when there is one (<c>PreferStandby</c>, load-balanced with
    /// <c>Load Balance Hosts=true</c>). The caller keeps ownership of both.
    /// </summary>
    public static RelGenDatabase Create(NpgsqlDataSource primary, NpgsqlDataSource replicas, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(replicas);
        var database = new RelGenDatabase(primary, ownsDataSource: false, loggerFactory);
        database.Replicas = new ReplicaRouter(replicas is NpgsqlMultiHostDataSource multiHost ? multiHost.WithTargetSession(TargetSessionAttributes.PreferStandby) : replicas);
        return database;
    }

    /// <summary>
    /// The data source replica reads connect through, or null when this database has no replicas. A database made from a
    /// multi-host connection string or data source has one: the same hosts, preferring a standby.
    /// </summary>
    public NpgsqlDataSource? ReplicaDataSource => Replicas?.DataSource;

    /// <summary>The replica side, or null when every operation goes to <see cref="DataSource"/>.</summary>
    internal ReplicaRouter? Replicas { get; private set; }

    /// <summary>
    /// Where reads go when a query does not say (<c>UsingReplica()</c>, <c>UsingPrimary()</c>): <see cref="RelGen.ReadFrom.Primary"/>
    /// by default. Objects remember where their query read, so their relations, managers and prefetches read there too. On a
    /// database without replicas every read goes to the one server whatever this says.
    /// </summary>
    public ReadFrom ReadFrom
    {
        get => _readFrom;
        set
        {
            _readFrom = value;
            if (value == RelGen.ReadFrom.Replica)
                Replicas?.Use();
        }
    }

    private ReadFrom _readFrom = RelGen.ReadFrom.Primary;

    /// <summary>
    /// How an async flow reads its own writes on a database with replicas: <see cref="RelGen.ReadYourWrites.ReplayedLsn"/> by
    /// default (its replica reads go to the primary until the replica has replayed the write).
    /// </summary>
    public ReadYourWrites ReadYourWrites { get; set; } = ReadYourWrites.ReplayedLsn;

    /// <summary>
    /// How long after a write the flow's replica reads go to the primary under <see cref="RelGen.ReadYourWrites.Window"/>, and under
    /// <see cref="RelGen.ReadYourWrites.ReplayedLsn"/> when the write's WAL position could not be read. 2 seconds by default.
    /// </summary>
    public TimeSpan ReadYourWritesWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Makes the calling async flow remember its writes for read-your-writes. RelGen does this itself whenever a flow starts a
    /// query set, saves, deletes or begins a transaction; an async method cannot change its caller's flow, so a request whose
    /// writes happen in helper methods and whose reads follow in the request's own method calls this once at its start (say, in
    /// a middleware). Does nothing on a database without replicas.
    /// </summary>
    public void TrackWritesInThisFlow() => Replicas?.TrackFlow();

    /// <summary>Returns this database after installing the flow's write mark; for the synchronous entry points.</summary>
    internal RelGenDatabase Tracked()
    {
        Replicas?.TrackFlow();
        return this;
    }

    /// <summary>The shared context of objects read with <paramref name="route"/> (null: the database's <see cref="ReadFrom"/>).</summary>
    internal LoadContext ContextFor(ReadFrom? route) => route switch
    {
        null => DefaultContext,
        RelGen.ReadFrom.Primary => _primaryContext ??= new LoadContext(this, mode: null, peers: null, route),
        _ => _replicaContext ??= new LoadContext(this, mode: null, peers: null, route),
    };

    /// <summary>True for the contexts objects of plain queries share (one per route): a prefetch cache never goes there.</summary>
    internal bool IsSharedContext(LoadContext context)
        => ReferenceEquals(context, DefaultContext) || ReferenceEquals(context, _primaryContext) || ReferenceEquals(context, _replicaContext);

    /// <summary>
    /// Starts a read: on the replica when <paramref name="route"/> (or, when null, <see cref="ReadFrom"/>) says so, no transaction
    /// is active in the flow, and read-your-writes allows it; on the primary (<see cref="AcquireAsync"/>) otherwise.
    /// </summary>
    internal ValueTask<ConnectionLease> AcquireReadAsync(DatabaseOperation operation, ModelDescriptor model, ReadFrom? route, bool allowStale,
        CancellationToken cancellationToken)
    {
        if (Replicas is null || (route ?? ReadFrom) == RelGen.ReadFrom.Primary || ActiveTransaction is not null)
            return AcquireAsync(operation, model, cancellationToken);
        // Not async: the operation's activity must become current in the caller's flow, where its commands run.
        var observer = OperationObserver.Start(this, operation, model.Name, model.Table);
        return AcquireReplicaAsync(operation, model.Name, allowStale, observer, cancellationToken);
    }

    /// <summary>A replica's connection, or the primary's when no replica may serve the read (unreachable, or behind the flow's writes).</summary>
    private async ValueTask<ConnectionLease> AcquireReplicaAsync(DatabaseOperation operation, string model, bool allowStale, OperationObserver? observer,
        CancellationToken cancellationToken)
    {
        try
        {
            var connection = await Replicas!.OpenAsync(this, allowStale, sync: false, cancellationToken).ConfigureAwait(false);
            var lease = connection is null
                ? await AcquireCoreAsync(operation, model, observer, cancellationToken).ConfigureAwait(false)
                : new ConnectionLease(this, connection, null, operation, model, observer);
            observer?.Connected(lease.Connection);
            return lease;
        }
        catch (Exception e) when (observer is not null)
        {
            observer.FailedToConnect(e);
            throw;
        }
    }

    /// <summary>The synchronous form of <see cref="AcquireReadAsync"/>, for a relation loaded inside a property getter.</summary>
    internal ConnectionLease AcquireRead(DatabaseOperation operation, ModelDescriptor model, ReadFrom? route)
    {
        if (Replicas is null || (route ?? ReadFrom) == RelGen.ReadFrom.Primary || ActiveTransaction is not null)
            return Acquire(operation, model);
        var observer = OperationObserver.Start(this, operation, model.Name, model.Table);
        try
        {
            var connection = Replicas.OpenAsync(this, allowStale: false, sync: true, default).AsTask().GetAwaiter().GetResult();
            var lease = connection is null ? AcquireCore(operation, model.Name, observer) : new ConnectionLease(this, connection, null, operation, model.Name, observer);
            observer?.Connected(lease.Connection);
            return lease;
        }
        catch (Exception e) when (observer is not null)
        {
            observer.FailedToConnect(e);
            throw;
        }
    }

    /// <summary>
    /// Called when a lease ends: after a write outside a transaction the flow's write mark is set (with the WAL position when
    /// read-your-writes needs it) before the connection goes back to the pool.
    /// </summary>
    internal ValueTask EndWriteAsync(NpgsqlConnection connection) => Replicas!.AfterWriteAsync(this, connection);

    /// <summary>True for operations that may change data, whose end marks the flow for read-your-writes.</summary>
    internal static bool MarksWrite(DatabaseOperation operation)
        => operation is DatabaseOperation.Save or DatabaseOperation.BulkCreate or DatabaseOperation.Update or DatabaseOperation.Delete
            or DatabaseOperation.Sql or DatabaseOperation.Schema;
}
