using RelGen.Loading;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// The immutable description of a query set. Every chaining call makes a new one. <see cref="Write"/> is the one pass over
/// it: shape tokens (the SQL cache key) and parameter values together.
/// </summary>
internal sealed class QueryState
{
    public QueryState(ModelDescriptor model)
    {
        Model = model;
        Filters = [];
        Loading = QueryLoading.None;
    }

    private QueryState(QueryState other)
    {
        Model = other.Model;
        Filters = other.Filters;
        Order = other.Order;
        Distinct = other.Distinct;
        Limit = other.Limit;
        Offset = other.Offset;
        Loading = other.Loading;
        Terms = other.Terms;
    }

    public ModelDescriptor Model { get; }

    public FilterClause[] Filters { get; private init; }

    /// <summary>The explicit order; null means the model's <c>[Ordering]</c>.</summary>
    public OrderTerm[]? Order { get; private init; }

    public bool Distinct { get; private init; }

    public int? Limit { get; private init; }

    public int Offset { get; private init; }

    private QueryLoading Loading { get; init; }

    public RelationPath[] SelectRelated => Loading.SelectRelated;

    public PrefetchPath[] Prefetch => Loading.Prefetch;

    /// <summary>The fetch mode of the objects this query returns; null means the database's.</summary>
    public FetchMode? FetchMode => Loading.FetchMode;

    /// <inheritdoc cref="KnownRelated"/>
    public KnownRelated? Known => Loading.Known;

    public bool IsSliced => Limit is not null || Offset > 0;

    /// <summary>The terms of a projection (<c>Select</c>), written for <see cref="QueryKind.Values"/> and <see cref="QueryKind.Aggregate"/>.</summary>
    public SelectTerm[]? Terms { get; private init; }

    public QueryState WithTerms(SelectTerm[] terms) => new(this) { Terms = terms };
    /// <summary>The row lock of <c>SelectForUpdate</c>, or null.</summary>
    public RowLock? Lock => Loading.Lock;

    /// <inheritdoc cref="QueryLoading.Route"/>
    public ReadFrom? Route => Loading.Route;

    /// <inheritdoc cref="QueryLoading.AllowStale"/>
    public bool AllowStale => Loading.AllowStale;

    /// <summary>Where the query's read goes: a locking read always to the primary, where the lock's transaction runs.</summary>
    public ReadFrom? ReadRoute => Lock is not null ? ReadFrom.Primary : Loading.Route;

    public QueryState WithRoute(ReadFrom? route, bool allowStale = false)
        => new(this) { Loading = Loading with { Route = route, AllowStale = allowStale } };

    public QueryState WithLock(RowLock rowLock) => new(this) { Loading = Loading with { Lock = rowLock } };

    /// <summary>The same query without its prefetches (a refresh runs them on the refreshed object itself).</summary>
    public QueryState WithoutPrefetch() => Prefetch.Length == 0 ? this : new(this) { Loading = Loading with { Prefetch = [] } };

    public QueryState AddFilter(Predicate predicate, bool exclude)
        => new(this) { Filters = [.. Filters, new FilterClause(CheckFilter(predicate), exclude)] };

    /// <summary>
    /// <paramref name="predicate"/>, once it may filter this query: what <see cref="AddFilter"/> checks, for a terminal that
    /// writes one more filter clause without a state of its own (<c>GetAsync(predicate)</c>, see <see cref="Write"/>).
    /// </summary>
    public Predicate CheckFilter(Predicate predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        if (IsSliced)
            throw new InvalidOperationException($"Cannot filter a {Model.Name} query once Take or Skip has been applied.");
        return predicate;
    }

    public QueryState WithOrder(OrderTerm[] order) => new(this) { Order = order };

    public QueryState WithFetchMode(FetchMode mode) => new(this) { Loading = Loading with { FetchMode = mode } };

    public QueryState WithKnown(KnownRelated known) => new(this) { Loading = Loading with { Known = known } };

    public QueryState WithDistinct() => new(this) { Distinct = true };

    /// <summary>
    /// Adds paths with every hop before them (Django's <c>select_related("reporter__editor")</c> loads the reporter too: the
    /// editor is attached to it), each once, parents first.
    /// </summary>
    public QueryState WithSelectRelated(RelationPath[] paths)
    {
        var all = new List<RelationPath>(SelectRelated);
        foreach (var path in paths)
            AddWithParents(all, path);
        return new(this) { Loading = Loading with { SelectRelated = [.. all] } };

        static void AddWithParents(List<RelationPath> all, RelationPath path)
        {
            if (path.Parent is { } parent)
                AddWithParents(all, parent);
            if (!all.Contains(path))
                all.Add(path);
        }
    }

    /// <summary>
    /// Adds prefetch paths with every hop before them (<c>r =&gt; r.Article.Comment</c> loads the articles too), each once,
    /// parents first; a query set given for a path that is already there replaces its default one (Django refuses two different ones).
    /// </summary>
    public QueryState WithPrefetch(PrefetchPath[] paths)
    {
        var all = new List<PrefetchPath>(Prefetch);
        foreach (var path in paths)
            Add(all, path);
        return new(this) { Loading = Loading with { Prefetch = [.. all] } };

        static void Add(List<PrefetchPath> all, PrefetchPath prefetch)
        {
            if (prefetch.Path.Parent is { } parent)
                Add(all, new PrefetchPath(parent, null));
            var index = all.FindIndex(p => p.Path.Equals(prefetch.Path));
            if (index < 0)
                all.Add(prefetch);
            else if (prefetch.Query is not null)
            {
                if (all[index].Query is not null && !ReferenceEquals(all[index].Query, prefetch.Query))
                    throw new ArgumentException($"'{prefetch.Path}' is prefetched twice with different query sets.");
                all[index] = prefetch;
            }
        }
    }

    public QueryState WithTake(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new(this) { Limit = Limit is { } limit ? Math.Min(limit, count) : count };
    }

    public QueryState WithSkip(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new(this) { Offset = Offset + count, Limit = Limit is { } limit ? Math.Max(0, limit - count) : null };
    }

    /// <summary>
    /// Writes this query as <paramref name="kind"/>: its shape, and its values as parameters in placeholder order.
    /// <paramref name="filter"/> (checked by <see cref="CheckFilter"/>) is written as one more <c>Filter</c> clause after the
    /// state's own, exactly as <see cref="AddFilter"/> would have added it, so the shape and its cached SQL are the same.
    /// </summary>
    public void Write(ShapeWriter writer, QueryKind kind, Predicate? filter = null)
    {
        var flags = (int)kind
            | (Distinct ? (int)QueryFlags.Distinct : 0)
            | (Limit is not null ? (int)QueryFlags.Limit : 0)
            | (Offset > 0 ? (int)QueryFlags.Offset : 0)
            | (Order is null ? (int)QueryFlags.DefaultOrder : 0);
        writer.Token(ShapeOp.Query, flags, Model);
        foreach (var clause in Filters)
        {
            writer.Token(ShapeOp.Filter);
            if (clause.Exclude)
                NotPredicate.Write(writer, clause.Predicate);
            else
                clause.Predicate.Write(writer);
        }
        if (filter is not null)
        {
            writer.Token(ShapeOp.Filter);
            filter.Write(writer);
        }
        if (Order is not null)
        {
            foreach (var term in Order)
                term.Write(writer);
        }
        if (kind is QueryKind.Select or QueryKind.Get)
        {
            foreach (var path in SelectRelated)
                writer.Token(ShapeOp.SelectRelated, 0, path);
        }
        if (Terms is not null && kind is QueryKind.Values or QueryKind.Aggregate)
        {
            foreach (var term in Terms)
                term.Write(writer);
        }
        if (Limit is { } limit)
        {
            writer.Token(ShapeOp.Limit);
            writer.Parameter((long)limit);
        }
        if (Offset > 0)
        {
            writer.Token(ShapeOp.Offset);
            writer.Parameter((long)Offset);
        }
        // Rows are locked where rows are read (and chosen, in the key subquery of an update or delete); a count is not rows.
        if (Lock is { } rowLock && kind is QueryKind.Select or QueryKind.Get or QueryKind.Keys or QueryKind.DeleteCondition)
        {
            writer.Token(ShapeOp.Lock, (int)rowLock.Flags);
            foreach (var path in rowLock.Of)
                writer.Token(ShapeOp.LockOf, 0, path);
        }
        writer.Token(ShapeOp.End);
    }
}
