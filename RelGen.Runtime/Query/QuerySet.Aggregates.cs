using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// The aggregate terminals (Django's <c>aggregate()</c>): one value over the query's rows, null over no rows as in SQL. They are
/// members of the query set, so .NET's async LINQ operators over <see cref="IAsyncEnumerable{T}"/> never bind in their place.
/// A distinct or sliced query aggregates the rows it would return.
/// </summary>
public partial class QuerySet<T, TLookup>
{
    /// <summary>The sum of <paramref name="field"/> over the rows, a <c>long</c>; null over no rows.</summary>
    public Task<long?> SumAsync(Func<TLookup, NumberExpression<short>> field, CancellationToken cancellationToken = default)
        => AggregateAsync(field(Root).Sum(), cancellationToken);

    /// <summary>The sum of <paramref name="field"/> over the rows, a <c>long</c>; null over no rows.</summary>
    public Task<long?> SumAsync(Func<TLookup, NumberExpression<int>> field, CancellationToken cancellationToken = default)
        => AggregateAsync(field(Root).Sum(), cancellationToken);

    /// <summary>The sum of <paramref name="field"/> over the rows, a <c>decimal</c>; null over no rows.</summary>
    public Task<decimal?> SumAsync(Func<TLookup, NumberExpression<long>> field, CancellationToken cancellationToken = default)
        => AggregateAsync(field(Root).Sum(), cancellationToken);

    /// <summary>The sum of <paramref name="field"/> over the rows; null over no rows.</summary>
    public Task<decimal?> SumAsync(Func<TLookup, NumberExpression<decimal>> field, CancellationToken cancellationToken = default)
        => AggregateAsync(field(Root).Sum(), cancellationToken);

    /// <summary>The sum of <paramref name="field"/> over the rows, a <c>double</c>; null over no rows.</summary>
    public Task<double?> SumAsync(Func<TLookup, NumberExpression<float>> field, CancellationToken cancellationToken = default)
        => AggregateAsync(field(Root).Sum(), cancellationToken);

    /// <summary>The sum of <paramref name="field"/> over the rows; null over no rows.</summary>
    public Task<double?> SumAsync(Func<TLookup, NumberExpression<double>> field, CancellationToken cancellationToken = default)
        => AggregateAsync(field(Root).Sum(), cancellationToken);

    /// <summary>The mean of <paramref name="field"/>, a <c>decimal</c>; null over no values (NULLs are left out).</summary>
    public Task<decimal?> AverageAsync(Func<TLookup, NumberExpression<short>> field, CancellationToken cancellationToken = default)
        => AggregateAsync(field(Root).Average(), cancellationToken);

    /// <summary>The mean of <paramref name="field"/>, a <c>decimal</c>; null over no values (NULLs are left out).</summary>
    public Task<decimal?> AverageAsync(Func<TLookup, NumberExpression<int>> field, CancellationToken cancellationToken = default)
        => AggregateAsync(field(Root).Average(), cancellationToken);

    /// <summary>The mean of <paramref name="field"/>, a <c>decimal</c>; null over no values (NULLs are left out).</summary>
    public Task<decimal?> AverageAsync(Func<TLookup, NumberExpression<long>> field, CancellationToken cancellationToken = default)
        => AggregateAsync(field(Root).Average(), cancellationToken);

    /// <summary>The mean of <paramref name="field"/>; null over no values (NULLs are left out).</summary>
    public Task<decimal?> AverageAsync(Func<TLookup, NumberExpression<decimal>> field, CancellationToken cancellationToken = default)
        => AggregateAsync(field(Root).Average(), cancellationToken);

    /// <summary>The mean of <paramref name="field"/>, a <c>double</c>; null over no values (NULLs are left out).</summary>
    public Task<double?> AverageAsync(Func<TLookup, NumberExpression<float>> field, CancellationToken cancellationToken = default)
        => AggregateAsync(field(Root).Average(), cancellationToken);

    /// <summary>The mean of <paramref name="field"/>; null over no values (NULLs are left out).</summary>
    public Task<double?> AverageAsync(Func<TLookup, NumberExpression<double>> field, CancellationToken cancellationToken = default)
        => AggregateAsync(field(Root).Average(), cancellationToken);

    /// <summary>The smallest value of <paramref name="field"/> (a number, date, time or enum); null over no values.</summary>
    public Task<TValue?> MinAsync<TValue>(Func<TLookup, OrderedExpression<TValue>> field, CancellationToken cancellationToken = default) where TValue : struct
        => AggregateAsync(field(Root).Min(), cancellationToken);

    /// <summary>The first text of <paramref name="field"/> in the column's order; null over no values.</summary>
    public Task<string?> MinAsync(Func<TLookup, OrderedExpression<string>> field, CancellationToken cancellationToken = default)
        => AggregateAsync(field(Root).Min(), cancellationToken);

    /// <summary>The largest value of <paramref name="field"/> (a number, date, time or enum); null over no values.</summary>
    public Task<TValue?> MaxAsync<TValue>(Func<TLookup, OrderedExpression<TValue>> field, CancellationToken cancellationToken = default) where TValue : struct
        => AggregateAsync(field(Root).Max(), cancellationToken);

    /// <summary>The last text of <paramref name="field"/> in the column's order; null over no values.</summary>
    public Task<string?> MaxAsync(Func<TLookup, OrderedExpression<string>> field, CancellationToken cancellationToken = default)
        => AggregateAsync(field(Root).Max(), cancellationToken);

    private Task<TValue?> AggregateAsync<TValue>(ISelectable<TValue> aggregate, CancellationToken cancellationToken)
    {
        var projection = Projections.Of(aggregate.RelGenTerm);
        return ProjectionExecutor.FirstOrDefaultAsync(Database, State.WithTerms(projection.Terms), QueryKind.Aggregate, projection, cancellationToken);
    }
}
