namespace RelGen.Query;

/// <summary><c>AsNullable()</c>: a value-type expression selected as <c>T?</c>, so a NULL reads as null.</summary>
internal sealed class NullableTerm<T>(SqlExpression<T> expression) : ISelectable<T?> where T : struct
{
    SelectTerm<T?> ISelectable<T?>.RelGenTerm => new ExpressionTerm<T?>(expression, NullableReader<T>.Read);
}
