using System.Data;
using Microsoft.Extensions.Logging;

namespace RelGen;

public sealed partial class RelGenDatabase
{
    /// <summary>The category of the log entry each retry of <see cref="RunInTransactionAsync(Func{CancellationToken, Task}, RetryPolicy?, CancellationToken)"/> writes (at Warning).</summary>
    public const string TransactionLogCategory = "RelGen.Transactions";

    private readonly AsyncLocal<RelGenTransaction?> _ambient = new();

    private ILogger? TransactionLog { get; }

    /// <summary>
    /// Begins a transaction that every operation on this database in the same async flow joins. Inside an active transaction it
    /// begins a nested one instead: a savepoint that commits or rolls back on its own (Django's nested <c>atomic</c>).
    /// </summary>
    public Task<RelGenTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
        => Begin(null, cancellationToken);

    /// <summary>
    /// Begins a transaction at <paramref name="isolationLevel"/> (<see cref="IsolationLevel.ReadCommitted"/>,
    /// <see cref="IsolationLevel.RepeatableRead"/> or <see cref="IsolationLevel.Serializable"/>). Inside an active transaction
    /// it begins a savepoint, which keeps the outer transaction's level: asking for another one is an
    /// <see cref="InvalidOperationException"/>.
    /// </summary>
    public Task<RelGenTransaction> BeginTransactionAsync(IsolationLevel isolationLevel, CancellationToken cancellationToken = default)
        => Begin(isolationLevel, cancellationToken);

    private Task<RelGenTransaction> Begin(IsolationLevel? isolationLevel, CancellationToken cancellationToken)
    {
        // Not async: the ambient value must be set in the caller's flow, which an async method would not do.
        Replicas?.TrackFlow();
        var outer = ActiveTransaction;
        var transaction = outer is null
            ? RelGenTransaction.Begin(this, isolationLevel ?? IsolationLevel.Unspecified)
            : outer.BeginNested(isolationLevel);
        _ambient.Value = transaction;
        return transaction.StartAsync(cancellationToken);
    }

    /// <summary>
    /// The innermost active transaction of this async flow (a savepoint when one is open), or null: for code that must run on
    /// the same connection (<see cref="RelGenTransaction.Connection"/>, <see cref="RelGenTransaction.Transaction"/>).
    /// </summary>
    public RelGenTransaction? CurrentTransaction => ActiveTransaction;

    internal RelGenTransaction? ActiveTransaction
    {
        get
        {
            var transaction = _ambient.Value;
            while (transaction is not null && !transaction.IsActive)
                transaction = transaction.Outer;
            return transaction;
        }
    }

    internal void ClearAmbient(RelGenTransaction transaction, RelGenTransaction? outer)
    {
        if (ReferenceEquals(_ambient.Value, transaction))
            _ambient.Value = outer;
    }

    /// <summary>True when an operation in this flow runs inside a transaction already.</summary>
    internal bool InTransaction => ActiveTransaction is not null;

    /// <summary>
    /// Runs <paramref name="callback"/> after the current transaction of this flow commits (Django's <c>on_commit</c>), or now
    /// when there is none. See <see cref="RelGenTransaction.OnCommit(Func{CancellationToken, Task})"/>.
    /// </summary>
    public Task OnCommitAsync(Func<CancellationToken, Task> callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (ActiveTransaction is not { } transaction)
            return callback(cancellationToken);
        transaction.OnCommit(callback);
        return Task.CompletedTask;
    }

    /// <summary>The synchronous form of <see cref="OnCommitAsync"/>.</summary>
    public void OnCommit(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (ActiveTransaction is { } transaction)
            transaction.OnCommit(callback);
        else
            callback();
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction and commits it; when a transient failure ends an attempt before its commit
    /// (a serialization failure, a deadlock, an unavailable lock, a lost connection, a server that could not be reached), the
    /// attempt is rolled back and the work runs again in a new transaction, as <paramref name="retryPolicy"/> allows
    /// (<see cref="RetryPolicy.Default"/>: five attempts). A commit whose outcome is unknown
    /// (<see cref="TransactionOutcomeUnknownException"/>) and failures after a successful commit are never retried; nor is
    /// anything that is not a transient <see cref="DatabaseException"/>. The work must be safe to run again: keep side effects
    /// outside the database in <see cref="RelGenTransaction.OnCommit(Func{CancellationToken, Task})"/>. Inside an active
    /// transaction the work runs once, in a savepoint: retrying is the outermost transaction's business.
    /// </summary>
    public Task RunInTransactionAsync(Func<CancellationToken, Task> work, RetryPolicy? retryPolicy = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunInTransactionAsync(IsolationLevel.Unspecified, async ct =>
        {
            await work(ct).ConfigureAwait(false);
            return true;
        }, retryPolicy, cancellationToken);
    }

    /// <summary>The form of <see cref="RunInTransactionAsync(Func{CancellationToken, Task}, RetryPolicy?, CancellationToken)"/> that returns the work's result.</summary>
    public Task<T> RunInTransactionAsync<T>(Func<CancellationToken, Task<T>> work, RetryPolicy? retryPolicy = null, CancellationToken cancellationToken = default)
        => RunInTransactionAsync(IsolationLevel.Unspecified, work, retryPolicy, cancellationToken);

    /// <summary>
    /// <see cref="RunInTransactionAsync{T}(Func{CancellationToken, Task{T}}, RetryPolicy?, CancellationToken)"/> at
    /// <paramref name="isolationLevel"/>: at <see cref="IsolationLevel.RepeatableRead"/> and <see cref="IsolationLevel.Serializable"/>
    /// PostgreSQL refuses conflicting transactions with serialization failures, which this retries.
    /// </summary>
    public Task<T> RunInTransactionAsync<T>(IsolationLevel isolationLevel, Func<CancellationToken, Task<T>> work, RetryPolicy? retryPolicy = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        // Here, not in the async core: the flow's write mark must be installed in the caller's flow.
        Replicas?.TrackFlow();
        return RunInTransactionCoreAsync(isolationLevel, work, retryPolicy, cancellationToken);
    }

    private async Task<T> RunInTransactionCoreAsync<T>(IsolationLevel isolationLevel, Func<CancellationToken, Task<T>> work, RetryPolicy? retryPolicy,
        CancellationToken cancellationToken)
    {
        var policy = retryPolicy ?? RetryPolicy.Default;
        var nested = InTransaction;
        for (var attempt = 1; ; attempt++)
        {
            RelGenTransaction? transaction = null;
            TimeSpan delay;
            try
            {
                transaction = await BeginTransactionAsync(nested ? IsolationLevel.Unspecified : isolationLevel, cancellationToken).ConfigureAwait(false);
                var result = await work(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (DatabaseException e) when (!nested && e.IsTransient && transaction is not { IsCommitted: true } && attempt < policy.MaxAttempts
                                              && !cancellationToken.IsCancellationRequested)
            {
                delay = policy.DelayAfter(attempt);
                if (TransactionLog is { } log && log.IsEnabled(LogLevel.Warning))
                {
                    log.LogWarning(e, "Transaction attempt {Attempt} of {MaxAttempts} failed with {Error}; retrying in {Delay} ms.",
                        attempt, policy.MaxAttempts, e.GetType().Name, (int)delay.TotalMilliseconds);
                }
            }
            finally
            {
                if (transaction is not null)
                    await transaction.DisposeAsync().ConfigureAwait(false);
            }
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }
}
