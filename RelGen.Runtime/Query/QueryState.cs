using Npgsql;
using RelGen.Schema;

namespace RelGen.Query;

/// <summary>
/// The immutable description of a query set. Every chaining call makes a new one; the SQL text is
/// cached by shape (<see cref="ShapeEquals"/>), and values are bound by <see cref="AddParameters"/>.
/// </summary>
internal sealed class QueryState
{
    private int _shapeHash;

    public QueryState(ModelMeta model)
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
    }

    public ModelMeta Model { get; }
    public FilterClause[] Filters { get; private init; }

    /// <summary>The explicit order; null means the model's <c>[Ordering]</c>.</summary>
    public OrderTerm[]? Order { get; private init; }
    public bool Distinct { get; private init; }
    public int? Limit { get; private init; }
    public int Offset { get; private init; }
    private QueryLoading Loading { get; init; }
    public RelationPath[] SelectRelated => Loading.SelectRelated;
    public RelationPath[] Prefetch => Loading.Prefetch;

    /// <summary>The fetch mode of the objects this query returns; null means the database's.</summary>
    public FetchMode? FetchMode => Loading.FetchMode;

    /// <summary>
    /// The owner of a reverse manager's query: every object read gets it as the related object (Django's known
    /// related objects), so <c>child.Parent</c> costs no query. It changes no SQL, so it is not part of the shape.
    /// </summary>
    public KnownRelated? Known => Loading.Known;

    public bool IsSliced => Limit is not null || Offset > 0;

    public QueryState AddFilter(Predicate predicate, bool exclude)
    {
        if (IsSliced)
            throw new InvalidOperationException($"Cannot filter a {Model.ClassName} query once Take or Skip has been applied.");
        return new QueryState(this) { Filters = [.. Filters, new FilterClause(predicate, exclude)] };
    }

    public QueryState WithOrder(OrderTerm[] order) => new(this) { Order = order };

    public QueryState WithFetchMode(FetchMode mode) => new(this) { Loading = Loading with { FetchMode = mode } };

    public QueryState WithKnown(KnownRelated known) => new(this) { Loading = Loading with { Known = known } };

    public QueryState WithDistinct() => new(this) { Distinct = true };

    /// <summary>
    /// Adds paths with every hop before them (Django's <c>select_related("reporter__editor")</c> loads the reporter
    /// too: the editor is attached to it), each once, parents first.
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

    public QueryState WithPrefetch(RelationPath[] paths) => new(this) { Loading = Loading with { Prefetch = [.. Prefetch, .. paths] } };

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

    public void AddParameters(NpgsqlParameterCollection parameters)
    {
        foreach (var filter in Filters)
            filter.Predicate.AddParameters(parameters);
        if (Limit is { } limit)
            parameters.Add(new NpgsqlParameter<long> { TypedValue = limit });
        if (Offset > 0)
            parameters.Add(new NpgsqlParameter<long> { TypedValue = Offset });
    }

    public bool ShapeEquals(QueryState other)
    {
        if (ReferenceEquals(this, other))
            return true;
        if (other.Model != Model || other.Distinct != Distinct || other.Limit.HasValue != Limit.HasValue
            || (other.Offset > 0) != (Offset > 0) || other.Filters.Length != Filters.Length
            || other.SelectRelated.Length != SelectRelated.Length || (other.Order is null) != (Order is null))
            return false;
        for (var i = 0; i < Filters.Length; i++)
        {
            if (Filters[i].Exclude != other.Filters[i].Exclude || !Filters[i].Predicate.ShapeEquals(other.Filters[i].Predicate))
                return false;
        }
        for (var i = 0; i < SelectRelated.Length; i++)
        {
            if (!SelectRelated[i].Equals(other.SelectRelated[i]))
                return false;
        }
        if (Order is not null)
        {
            if (Order.Length != other.Order!.Length)
                return false;
            for (var i = 0; i < Order.Length; i++)
            {
                if (!Order[i].ShapeEquals(other.Order[i]))
                    return false;
            }
        }
        return true;
    }

    public int ShapeHash()
    {
        if (_shapeHash != 0)
            return _shapeHash;
        var hash = new HashCode();
        hash.Add(Model);
        hash.Add(Distinct);
        hash.Add(Limit.HasValue);
        hash.Add(Offset > 0);
        foreach (var filter in Filters)
        {
            hash.Add(filter.Exclude);
            filter.Predicate.AddShape(ref hash);
        }
        foreach (var path in SelectRelated)
            hash.Add(path.GetHashCode());
        if (Order is not null)
        {
            hash.Add(Order.Length);
            foreach (var term in Order)
            {
                hash.Add(term.Descending);
                ColumnRefShape.Add(ref hash, term.Column);
            }
        }
        var result = hash.ToHashCode();
        _shapeHash = result == 0 ? 1 : result;
        return _shapeHash;
    }
}
