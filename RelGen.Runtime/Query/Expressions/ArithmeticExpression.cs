using RelGen.Sql;

namespace RelGen.Query;

/// <summary><c>(left OP right)</c> over number expressions and constants.</summary>
internal sealed class ArithmeticExpression<T>(ArithmeticOperator op, SqlExpression left, SqlExpression right) : NumberExpression<T> where T : struct
{
    internal override bool IsMultiValued => left.IsMultiValued || right.IsMultiValued;

    internal override ColumnRef? MultiValuedColumn => left.MultiValuedColumn ?? right.MultiValuedColumn;

    internal override void Write(ShapeWriter writer)
    {
        writer.Token(ShapeOp.Arithmetic, (int)op);
        left.Write(writer);
        right.Write(writer);
    }
}
