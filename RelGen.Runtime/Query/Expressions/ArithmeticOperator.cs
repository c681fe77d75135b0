namespace RelGen.Query;

/// <summary>The operator of an <see cref="ArithmeticExpression{T}"/>.</summary>
internal enum ArithmeticOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
}
