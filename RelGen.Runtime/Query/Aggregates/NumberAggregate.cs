using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// A number aggregate (<c>r.Article.Count()</c>, <c>r.Article.Views.Sum()</c>): compares, orders and combines like any number
/// expression, in <c>Filter</c>, <c>OrderBy</c> and <c>Select</c>; <c>Select</c> reads it as <typeparamref name="TValue"/>
/// (nullable where SQL gives NULL over no rows: every aggregate but <c>Count</c>).
/// </summary>
public sealed class NumberAggregate<T, TValue> : NumberExpression<T>, ISelectable<TValue>, IAggregate where T : struct
{
    internal NumberAggregate(AggregateCall call) => Call = call;

    internal AggregateCall Call { get; }

    AggregateCall IAggregate.Call => Call;

    SelectTerm<TValue> ISelectable<TValue>.RelGenTerm => new ExpressionTerm<TValue>(this, FieldReader<T, TValue>.Read);

    // One value per row of the query: the subquery has joins of its own.
    internal override bool IsMultiValued => false;

    internal override ColumnRef? MultiValuedColumn => null;

    internal override void Write(ShapeWriter writer) => Call.Write(writer);

    /// <inheritdoc />
    public override string ToString() => Call.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();
}
