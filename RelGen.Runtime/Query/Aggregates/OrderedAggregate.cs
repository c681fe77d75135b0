using System.Data.Common;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// <c>Min()</c> or <c>Max()</c> of a date, time, text or enum field (<c>r.Article.PubDate.Max()</c>): compares and orders like
/// the field, in <c>Filter</c>, <c>OrderBy</c> and <c>Select</c>, which reads it as <typeparamref name="TValue"/> (null over no rows).
/// </summary>
public sealed class OrderedAggregate<T, TValue> : OrderedExpression<T>, ISelectable<TValue>, IAggregate
{
    private readonly Func<DbDataReader, int, TValue> _read;

    internal OrderedAggregate(AggregateCall call, Func<DbDataReader, int, TValue> read)
    {
        Call = call;
        _read = read;
    }

    internal AggregateCall Call { get; }

    AggregateCall IAggregate.Call => Call;

    SelectTerm<TValue> ISelectable<TValue>.RelGenTerm => new ExpressionTerm<TValue>(this, _read);

    internal override bool IsMultiValued => false;

    internal override ColumnRef? MultiValuedColumn => null;

    internal override void Write(ShapeWriter writer) => Call.Write(writer);

    /// <inheritdoc />
    public override string ToString() => Call.ToString();
}
