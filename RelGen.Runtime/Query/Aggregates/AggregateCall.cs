using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// One aggregate: its function, what it aggregates, and an optional condition (<c>Count(a =&gt; …)</c>, Django's
/// <c>filter=</c>). Over a reverse relation (<see cref="IsOverRelation"/>) it is a correlated subquery of its own, one value per
/// row of the query, so several aggregates over different relations never multiply each other's rows (Django's
/// "combining multiple aggregations" pitfall). Over the query's own rows it is a plain aggregate of the group.
/// </summary>
internal sealed class AggregateCall
{
    public const int RelationFlag = 1 << 8, ArgumentFlag = 1 << 9, FilterFlag = 1 << 10;

    private AggregateCall(AggregateFunction function, AggregateCast cast, RelationPath? path, SqlExpression? argument, Predicate? filter)
    {
        Function = function;
        Cast = cast;
        Path = path;
        Argument = argument;
        Filter = filter;
    }

    public AggregateFunction Function { get; }

    public AggregateCast Cast { get; }

    /// <summary>
    /// What is aggregated: the objects <c>Count</c> counts, or the path of the argument's column across a reverse relation.
    /// Null for the query's own rows.
    /// </summary>
    public RelationPath? Path { get; }

    /// <summary>True when <see cref="Path"/> crosses a reverse relation: the aggregate is a correlated subquery.</summary>
    public bool IsOverRelation => Path is { IsMultiValued: true };

    public SqlExpression? Argument { get; }

    public Predicate? Filter { get; }

    /// <summary><c>Count()</c> of the objects at <paramref name="lookup"/>, optionally only those matching <paramref name="filter"/>.</summary>
    public static AggregateCall Count(ModelLookup lookup, Predicate? filter)
        => new(AggregateFunction.Count, AggregateCast.Integer, lookup.RelGenPath, null, filter);

    /// <summary><paramref name="function"/> of <paramref name="argument"/>, cast to <paramref name="cast"/>.</summary>
    public static AggregateCall Of(AggregateFunction function, AggregateCast cast, SqlExpression argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (argument is IAggregate)
            throw new ArgumentException($"An aggregate cannot aggregate another aggregate ('{argument}').", nameof(argument));
        return new(function, cast, argument.MultiValuedColumn?.Path, argument, null);
    }

    /// <summary>The shallowest reverse hop of <paramref name="path"/>: everything before it is forward, so single-valued.</summary>
    internal static RelationPath? FirstReverseHop(RelationPath? path)
    {
        RelationPath? hop = null;
        for (var p = path; p is not null; p = p.Parent)
        {
            if (p.IsReverse)
                hop = p;
        }
        return hop;
    }

    public void Write(ShapeWriter writer)
    {
        var arg = (int)Function | ((int)Cast << 4)
            | (IsOverRelation ? RelationFlag : 0)
            | (Argument is not null ? ArgumentFlag : 0)
            | (Filter is not null ? FilterFlag : 0);
        writer.Token(ShapeOp.Aggregate, arg, Path);
        Argument?.Write(writer);
        Filter?.Write(writer);
    }

    public override string ToString()
        => Function + "(" + (Argument?.ToString() ?? Path?.ToString() ?? "*") + (Filter is null ? "" : ", filtered") + ")";
}
