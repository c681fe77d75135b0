using RelGen.Sql;

namespace RelGen.Query;

/// <summary>One term of an <c>OrderBy</c>: an expression, ascending or descending, with NULLs placed first or last if asked.</summary>
public sealed class OrderTerm
{
    internal const int DescendingFlag = 1, NullsFirstFlag = 2, NullsLastFlag = 4;

    internal OrderTerm(SqlExpression expression, bool descending, bool? nullsFirst)
    {
        Expression = expression;
        Descending = descending;
        NullsFirst = nullsFirst;
    }

    internal SqlExpression Expression { get; }

    internal bool Descending { get; }

    internal bool? NullsFirst { get; }

    internal void Write(ShapeWriter writer)
    {
        var flags = (Descending ? DescendingFlag : 0) | NullsFirst switch { true => NullsFirstFlag, false => NullsLastFlag, null => 0 };
        writer.Token(ShapeOp.Order, flags);
        Expression.Write(writer);
    }

    /// <inheritdoc />
    public override string ToString() => (Descending ? "-" : "") + Expression;
}
