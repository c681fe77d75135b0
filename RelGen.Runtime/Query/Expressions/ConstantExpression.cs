using RelGen.Sql;

namespace RelGen.Query;

/// <summary>A value taking part in an expression (<c>a.Views + 1</c>) or assigned by an update: always a parameter.</summary>
internal sealed class ConstantExpression<T>(T value) : SqlExpression<T>
{
    public T Value { get; } = value;

    internal override bool IsMultiValued => false;

    internal override void Write(ShapeWriter writer) => writer.Parameter(Value);
}
