namespace RelGen.Query;

/// <summary>
/// A number computed per row: a number field, or arithmetic over number expressions and constants (<c>a.Views + 1</c>,
/// <c>a.Price * 2</c>, Django's <c>F("views") + 1</c>). Compares with values and with other number expressions.
/// </summary>
public abstract class NumberExpression<T> : OrderedExpression<T> where T : struct
{
    private protected NumberExpression()
    {
    }

    /// <summary>Equal to another number expression, row by row; <c>== null</c> is <c>IsNull()</c>.</summary>
    public static Predicate operator ==(NumberExpression<T> left, NumberExpression<T>? right) => Compare(left, LookupOperator.Exact, right);

    /// <summary>Not equal to another number expression, row by row (NULL is not equal to a number); <c>!= null</c> is <c>IsNull(false)</c>.</summary>
    public static Predicate operator !=(NumberExpression<T> left, NumberExpression<T>? right) => Compare(left, LookupOperator.NotEqual, right);

    /// <summary>The sum.</summary>
    public static NumberExpression<T> operator +(NumberExpression<T> left, NumberExpression<T> right) => new ArithmeticExpression<T>(ArithmeticOperator.Add, left, right);

    /// <summary>The sum.</summary>
    public static NumberExpression<T> operator +(NumberExpression<T> left, T right) => new ArithmeticExpression<T>(ArithmeticOperator.Add, left, new ConstantExpression<T>(right));

    /// <summary>The sum.</summary>
    public static NumberExpression<T> operator +(T left, NumberExpression<T> right) => new ArithmeticExpression<T>(ArithmeticOperator.Add, new ConstantExpression<T>(left), right);

    /// <summary>The difference.</summary>
    public static NumberExpression<T> operator -(NumberExpression<T> left, NumberExpression<T> right) => new ArithmeticExpression<T>(ArithmeticOperator.Subtract, left, right);

    /// <summary>The difference.</summary>
    public static NumberExpression<T> operator -(NumberExpression<T> left, T right) => new ArithmeticExpression<T>(ArithmeticOperator.Subtract, left, new ConstantExpression<T>(right));

    /// <summary>The difference.</summary>
    public static NumberExpression<T> operator -(T left, NumberExpression<T> right) => new ArithmeticExpression<T>(ArithmeticOperator.Subtract, new ConstantExpression<T>(left), right);

    /// <summary>The product.</summary>
    public static NumberExpression<T> operator *(NumberExpression<T> left, NumberExpression<T> right) => new ArithmeticExpression<T>(ArithmeticOperator.Multiply, left, right);

    /// <summary>The product.</summary>
    public static NumberExpression<T> operator *(NumberExpression<T> left, T right) => new ArithmeticExpression<T>(ArithmeticOperator.Multiply, left, new ConstantExpression<T>(right));

    /// <summary>The product.</summary>
    public static NumberExpression<T> operator *(T left, NumberExpression<T> right) => new ArithmeticExpression<T>(ArithmeticOperator.Multiply, new ConstantExpression<T>(left), right);

    /// <summary>The quotient (integer division for integer types, as in C# and SQL).</summary>
    public static NumberExpression<T> operator /(NumberExpression<T> left, NumberExpression<T> right) => new ArithmeticExpression<T>(ArithmeticOperator.Divide, left, right);

    /// <summary>The quotient.</summary>
    public static NumberExpression<T> operator /(NumberExpression<T> left, T right) => new ArithmeticExpression<T>(ArithmeticOperator.Divide, left, new ConstantExpression<T>(right));

    /// <summary>The quotient.</summary>
    public static NumberExpression<T> operator /(T left, NumberExpression<T> right) => new ArithmeticExpression<T>(ArithmeticOperator.Divide, new ConstantExpression<T>(left), right);

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();
}
