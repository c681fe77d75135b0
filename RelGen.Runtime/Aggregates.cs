using RelGen.Query;

namespace RelGen;

/// <summary>
/// Aggregates and <c>Any</c> over relations and fields, for <c>Filter</c>, <c>OrderBy</c> and <c>Select</c> (Django's
/// <c>Count</c>, <c>Sum</c>, <c>Avg</c>, <c>Min</c>, <c>Max</c>, <c>Exists</c>). Over a reverse relation
/// (<c>r =&gt; r.Article.Count()</c>) each is one value per row of the query, computed in a subquery of its own: any number of
/// them give the right numbers together. Over the query's own rows (<c>a =&gt; a.Views.Sum()</c>) they aggregate the groups of
/// a <c>Select</c>. Result types follow PostgreSQL: <c>Sum</c> of <c>short</c>/<c>int</c> is <c>long?</c>, of
/// <c>long</c>/<c>decimal</c> is <c>decimal?</c>, of <c>float</c>/<c>double</c> is <c>double?</c>; <c>Average</c> of an integer or
/// <c>decimal</c> is <c>decimal?</c>, of <c>float</c>/<c>double</c> is <c>double?</c>; <c>Min</c>/<c>Max</c> are the field's type,
/// nullable; <c>Count</c> is an <c>int</c>, 0 over no rows.
/// </summary>
public static class Aggregates
{
    /// <summary>How many related objects there are (<c>r.Article.Count()</c>); over the query's own model, the rows of the group.</summary>
    public static NumberAggregate<int, int> Count<TLookup>(this TLookup relation) where TLookup : ModelLookup
    {
        ArgumentNullException.ThrowIfNull(relation);
        return new(AggregateCall.Count(relation, null));
    }

    /// <summary>How many related objects match <paramref name="predicate"/> (Django's <c>Count("article", filter=Q(…))</c>).</summary>
    public static NumberAggregate<int, int> Count<TLookup>(this TLookup relation, Func<TLookup, Predicate> predicate) where TLookup : ModelLookup
    {
        ArgumentNullException.ThrowIfNull(relation);
        ArgumentNullException.ThrowIfNull(predicate);
        return new(AggregateCall.Count(relation, predicate(relation)));
    }

    /// <summary>True when there is a related object (<c>EXISTS</c>; the query's rows are never repeated).</summary>
    public static Predicate Any<TLookup>(this TLookup relation) where TLookup : ModelLookup => Exists(relation, null);

    /// <summary>True when a related object matches <paramref name="predicate"/> (<c>EXISTS</c>; the query's rows are never repeated).</summary>
    public static Predicate Any<TLookup>(this TLookup relation, Func<TLookup, Predicate> predicate) where TLookup : ModelLookup
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Exists(relation, predicate(relation));
    }

    private static ExistsPredicate Exists(ModelLookup relation, Predicate? filter)
    {
        ArgumentNullException.ThrowIfNull(relation);
        var path = relation.RelGenPath;
        if (path is not { IsMultiValued: true })
            throw new ArgumentException($"Any() tests the objects of a reverse relation; '{relation}' is {(path is null ? "the model itself" : "a forward relation")}.", nameof(relation));
        return new ExistsPredicate(path, filter);
    }

    /// <summary>The sum, a <c>bigint</c>: null over no rows.</summary>
    public static NumberAggregate<long, long?> Sum(this NumberExpression<short> field) => Number<long, long?>(AggregateFunction.Sum, AggregateCast.BigInt, field);

    /// <summary>The sum, a <c>bigint</c>: null over no rows.</summary>
    public static NumberAggregate<long, long?> Sum(this NumberExpression<int> field) => Number<long, long?>(AggregateFunction.Sum, AggregateCast.BigInt, field);

    /// <summary>The sum, a <c>numeric</c>: null over no rows.</summary>
    public static NumberAggregate<decimal, decimal?> Sum(this NumberExpression<long> field) => Number<decimal, decimal?>(AggregateFunction.Sum, AggregateCast.Numeric, field);

    /// <summary>The sum: null over no rows.</summary>
    public static NumberAggregate<decimal, decimal?> Sum(this NumberExpression<decimal> field) => Number<decimal, decimal?>(AggregateFunction.Sum, AggregateCast.Numeric, field);

    /// <summary>The sum, a <c>double precision</c>: null over no rows.</summary>
    public static NumberAggregate<double, double?> Sum(this NumberExpression<float> field) => Number<double, double?>(AggregateFunction.Sum, AggregateCast.Double, field);

    /// <summary>The sum: null over no rows.</summary>
    public static NumberAggregate<double, double?> Sum(this NumberExpression<double> field) => Number<double, double?>(AggregateFunction.Sum, AggregateCast.Double, field);

    /// <summary>The mean, a <c>numeric</c>: null over no values.</summary>
    public static NumberAggregate<decimal, decimal?> Average(this NumberExpression<short> field) => Number<decimal, decimal?>(AggregateFunction.Average, AggregateCast.Numeric, field);

    /// <summary>The mean, a <c>numeric</c>: null over no values.</summary>
    public static NumberAggregate<decimal, decimal?> Average(this NumberExpression<int> field) => Number<decimal, decimal?>(AggregateFunction.Average, AggregateCast.Numeric, field);

    /// <summary>The mean, a <c>numeric</c>: null over no values.</summary>
    public static NumberAggregate<decimal, decimal?> Average(this NumberExpression<long> field) => Number<decimal, decimal?>(AggregateFunction.Average, AggregateCast.Numeric, field);

    /// <summary>The mean: null over no values.</summary>
    public static NumberAggregate<decimal, decimal?> Average(this NumberExpression<decimal> field) => Number<decimal, decimal?>(AggregateFunction.Average, AggregateCast.Numeric, field);

    /// <summary>The mean, a <c>double precision</c>: null over no values.</summary>
    public static NumberAggregate<double, double?> Average(this NumberExpression<float> field) => Number<double, double?>(AggregateFunction.Average, AggregateCast.Double, field);

    /// <summary>The mean: null over no values.</summary>
    public static NumberAggregate<double, double?> Average(this NumberExpression<double> field) => Number<double, double?>(AggregateFunction.Average, AggregateCast.Double, field);

    /// <summary>The smallest value: null over no values.</summary>
    public static NumberAggregate<T, T?> Min<T>(this NumberExpression<T> field) where T : struct => Number<T, T?>(AggregateFunction.Min, AggregateCast.None, field);

    /// <summary>The largest value: null over no values.</summary>
    public static NumberAggregate<T, T?> Max<T>(this NumberExpression<T> field) where T : struct => Number<T, T?>(AggregateFunction.Max, AggregateCast.None, field);

    /// <summary>The earliest or smallest value (a date, time or enum): null over no values.</summary>
    public static OrderedAggregate<T, T?> Min<T>(this OrderedExpression<T> field) where T : struct
        => new(AggregateCall.Of(AggregateFunction.Min, AggregateCast.None, field), NullableReader<T>.Read);

    /// <summary>The latest or largest value (a date, time or enum): null over no values.</summary>
    public static OrderedAggregate<T, T?> Max<T>(this OrderedExpression<T> field) where T : struct
        => new(AggregateCall.Of(AggregateFunction.Max, AggregateCast.None, field), NullableReader<T>.Read);

    /// <summary>The first text in the column's order: null over no values.</summary>
    public static OrderedAggregate<string, string?> Min(this OrderedExpression<string> field)
        => new(AggregateCall.Of(AggregateFunction.Min, AggregateCast.None, field), ValueReader<string?>.Read);

    /// <summary>The last text in the column's order: null over no values.</summary>
    public static OrderedAggregate<string, string?> Max(this OrderedExpression<string> field)
        => new(AggregateCall.Of(AggregateFunction.Max, AggregateCast.None, field), ValueReader<string?>.Read);

    /// <summary>Selects a value-type expression as nullable, so a NULL reads as null (a field across a nullable or reverse relation).</summary>
    public static ISelectable<T?> AsNullable<T>(this SqlExpression<T> expression) where T : struct
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new NullableTerm<T>(expression);
    }

    private static NumberAggregate<T, TValue> Number<T, TValue>(AggregateFunction function, AggregateCast cast, SqlExpression field) where T : struct
        => new(AggregateCall.Of(function, cast, field));
}
