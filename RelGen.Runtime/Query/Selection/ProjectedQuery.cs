using RelGen.Execution;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// The rows of a <c>Select</c>: one <typeparamref name="TResult"/> per row, a term's value or a value tuple of the terms'
/// values (Django's <c>values_list</c>). With aggregates among the terms the rows are grouped by the plain terms (Django's
/// <c>values().annotate()</c>). Immutable and lazy like the query set it came from.
/// </summary>
public sealed class ProjectedQuery<TResult> : IAsyncEnumerable<TResult>
{
    private readonly RelGenDatabase _database;
    private readonly QueryState _state;
    private readonly Projection<TResult> _projection;

    internal ProjectedQuery(RelGenDatabase database, QueryState state, Projection<TResult> projection)
    {
        _database = database;
        _state = state.WithTerms(projection.Terms);
        _projection = projection;
    }

    private ProjectedQuery<TResult> With(QueryState state) => new(_database, state, _projection);

    /// <summary>Drops duplicate rows (SQL <c>SELECT DISTINCT</c> over the terms); the model's default order is then left out.</summary>
    public ProjectedQuery<TResult> Distinct() => With(_state.WithDistinct());

    /// <summary>At most <paramref name="count"/> rows (SQL LIMIT).</summary>
    public ProjectedQuery<TResult> Take(int count) => With(_state.WithTake(count));

    /// <summary>Skips <paramref name="count"/> rows (SQL OFFSET).</summary>
    public ProjectedQuery<TResult> Skip(int count) => With(_state.WithSkip(count));

    /// <summary>Every row, in order.</summary>
    public Task<List<TResult>> ToListAsync(CancellationToken cancellationToken = default)
        => ProjectionExecutor.ToListAsync(_database, _state, QueryKind.Values, _projection, cancellationToken);

    /// <summary>The first row (by the query's order), or the default of <typeparamref name="TResult"/> when there is none.</summary>
    public Task<TResult?> FirstOrDefaultAsync(CancellationToken cancellationToken = default)
        => ProjectionExecutor.FirstOrDefaultAsync(_database, _state.WithTake(1), QueryKind.Values, _projection, cancellationToken);

    /// <summary>Streams the rows as they arrive.</summary>
    public IAsyncEnumerator<TResult> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        => new ProjectionEnumerator<TResult>(_database, _state, _projection, cancellationToken);

    /// <summary>The command text exactly as it would be sent, with placeholders and no values.</summary>
    public string ToSql() => QueryCommand.Sql(_state, QueryKind.Values);

    /// <summary>The values that would be sent with <see cref="ToSql"/>, in placeholder order.</summary>
    public IReadOnlyList<object?> ToParameters() => QueryValues.Of(_state, QueryKind.Values);

    /// <summary>PostgreSQL's plan for this projection; with <paramref name="analyze"/> it runs (<c>EXPLAIN ANALYZE</c>).</summary>
    public Task<string> ExplainAsync(bool analyze = false, CancellationToken cancellationToken = default)
        => QueryExplainer.ExplainAsync(_database, _state, QueryKind.Values, analyze, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => ToSql();
}
