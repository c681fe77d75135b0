using System.ComponentModel;
using RelGen.Delete;
using RelGen.Execution;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// An immutable, chainable query of <typeparamref name="T"/>; nothing runs until a terminal call.
/// <typeparamref name="TLookup"/> is the generated lookup type the lambdas receive.
/// </summary>
public partial class QuerySet<T, TLookup> : QuerySet<T>, IAsyncEnumerable<T>
    where T : class, IModel<T>
    where TLookup : ModelLookup
{
    /// <summary>Used by generated code: <c>Article.Objects(db)</c>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public QuerySet(RelGenDatabase database)
        : this(database, (TLookup)T.RelGenModel.Root, T.RelGenModel.AllRows)
    {
    }

    private protected QuerySet(RelGenDatabase database, TLookup root, QueryState state) : base(database, state)
    {
        ArgumentNullException.ThrowIfNull(database);
        database.Replicas?.TrackFlow();
        Root = root;
    }

    private protected TLookup Root { get; }

    private QuerySet<T, TLookup> With(QueryState state) => new(Database, Root, state);

    /// <summary>Keeps the objects matching <paramref name="predicate"/>; conditions in one call refer to the same related row.</summary>
    public QuerySet<T, TLookup> Filter(Func<TLookup, Predicate> predicate) => With(State.AddFilter(predicate(Root), exclude: false));

    /// <summary>Drops the objects matching <paramref name="predicate"/>.</summary>
    public QuerySet<T, TLookup> Exclude(Func<TLookup, Predicate> predicate) => With(State.AddFilter(predicate(Root), exclude: true));

    /// <summary>Replaces the order (the model's <c>[Ordering]</c> by default): <c>OrderBy(a => a.Headline, a => a.PubDate.Desc())</c>.</summary>
    public QuerySet<T, TLookup> OrderBy(params Func<TLookup, OrderTerm>[] terms)
    {
        var order = new OrderTerm[terms.Length];
        for (var i = 0; i < terms.Length; i++)
            order[i] = terms[i](Root);
        return With(State.WithOrder(order));
    }

    /// <summary>Drops duplicate rows (a reverse join can repeat them).</summary>
    public QuerySet<T, TLookup> Distinct() => With(State.WithDistinct());

    /// <summary>At most <paramref name="count"/> objects (SQL LIMIT).</summary>
    public QuerySet<T, TLookup> Take(int count) => With(State.WithTake(count));

    /// <summary>Skips <paramref name="count"/> objects (SQL OFFSET).</summary>
    public QuerySet<T, TLookup> Skip(int count) => With(State.WithSkip(count));

    /// <summary>Loads forward relations in the same query with a JOIN: <c>SelectRelated(a => a.Reporter)</c>.</summary>
    public QuerySet<T, TLookup> SelectRelated(params Func<TLookup, ModelLookup>[] relations)
        => With(State.WithSelectRelated(RelationPaths.Forward(Root, relations, nameof(SelectRelated))));

    /// <summary>
    /// Loads relations in one extra query per relation hop: reverse sets (<c>r =&gt; r.Article</c>), forward objects
    /// (<c>a =&gt; a.Reporter</c>), nested paths (<c>r =&gt; r.Article.Comment</c>, each hop once).
    /// </summary>
    public QuerySet<T, TLookup> PrefetchRelated(params Func<TLookup, ModelLookup>[] relations)
        => With(State.WithPrefetch(RelationPaths.Prefetch(Root, relations)));

    /// <summary>What reading an unloaded relation of the returned objects does (see <see cref="RelGen.FetchMode"/>).</summary>
    public QuerySet<T, TLookup> WithFetchMode(FetchMode mode) => With(State.WithFetchMode(mode));

    /// <summary>The command text exactly as it would be sent, with placeholders and no values.</summary>
    public string ToSql() => QueryCommand.Sql(State, QueryKind.Select);

    /// <summary>The values that would be sent with <see cref="ToSql"/>, in placeholder order.</summary>
    public IReadOnlyList<object?> ToParameters()
    {
        using var command = new Npgsql.NpgsqlCommand();
        var writer = ShapeWriter.Rent(command.Parameters);
        try
        {
            State.Write(writer, QueryKind.Select);
        }
        finally
        {
            ShapeWriter.Return(writer);
        }
        var values = new object?[command.Parameters.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = command.Parameters[i].Value;
        return values;
    }

    /// <summary>Every matching object, in order.</summary>
    public Task<List<T>> ToListAsync(CancellationToken cancellationToken = default)
        => QueryExecutor.ToListAsync<T>(Database, State, cancellationToken);

    /// <summary>How many rows the query yields (a reverse join without <c>Distinct()</c> can repeat rows, as in Django).</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken = default)
        => QueryExecutor.CountAsync(Database, State, cancellationToken);

    /// <summary>True when the query yields at least one row.</summary>
    public Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
        => QueryExecutor.ExistsAsync(Database, State, cancellationToken);

    /// <summary>The first object (by the query's order, else by key), or null.</summary>
    public Task<T?> FirstOrDefaultAsync(CancellationToken cancellationToken = default)
        => QueryExecutor.FirstOrDefaultAsync<T>(Database, State, cancellationToken);

    /// <summary>The one object matching; throws <see cref="DoesNotExistException"/> or <see cref="MultipleObjectsReturnedException"/>.</summary>
    public Task<T> GetAsync(Func<TLookup, Predicate> predicate, CancellationToken cancellationToken = default)
        => QueryExecutor.GetAsync<T>(Database, State, State.CheckFilter(predicate(Root)), cancellationToken);

    /// <summary>The one object of this query set; throws as <see cref="GetAsync(Func{TLookup, Predicate}, CancellationToken)"/>.</summary>
    public Task<T> GetAsync(CancellationToken cancellationToken = default)
        => QueryExecutor.GetAsync<T>(Database, State, null, cancellationToken);

    /// <summary>Deletes every matching object with the on-delete rules of every relation, atomically.</summary>
    public Task<DeleteResult> DeleteAsync(CancellationToken cancellationToken = default)
        => Deleter.DeleteQueryAsync(Database, State, cancellationToken);

    /// <summary>Streams the rows as they arrive; with <c>PrefetchRelated</c>, a chunk at a time, each chunk's relations prefetched.</summary>
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        => new QueryEnumerator<T>(Database, State, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => ToSql();
}
