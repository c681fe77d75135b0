using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// One <c>SET column = value</c> of an <c>UpdateAsync</c>, made by a field's <c>Set</c> (<c>a =&gt; a.Views.Set(a.Views + 1)</c>)
/// or a relation's (<c>a =&gt; a.Reporter.Set(r)</c>). Only columns of the model being updated can be set.
/// </summary>
public sealed class Assignment
{
    private readonly Action<ShapeWriter> _writeValue;
    private readonly Action? _check;

    internal Assignment(ColumnRef target, SqlExpression? expression, Action<ShapeWriter> writeValue, Action? check)
    {
        Target = target;
        Expression = expression;
        _writeValue = writeValue;
        _check = check;
    }

    /// <summary>The column set, with the path it was reached through (a related model's column has one, and is refused).</summary>
    internal ColumnRef Target { get; }

    /// <summary>The expression assigned, or null for a constant value.</summary>
    internal SqlExpression? Expression { get; }

    internal ColumnDescriptor Column => Target.Column;

    /// <summary>Checks a constant value as <c>SaveAsync</c> would (<c>[MaxLength]</c>, NOT NULL, NUL); throws before anything is sent.</summary>
    internal void Check() => _check?.Invoke();

    /// <summary>Writes the assigned value or expression (its tokens and parameters).</summary>
    internal void WriteValue(ShapeWriter writer) => _writeValue(writer);

    internal static Assignment Of<T>(ColumnRef target, T value, Action<ShapeWriter, T> writeValue)
        => new(target, null, w => writeValue(w, value), () => Save.ValueChecks<T>.Check(target.Column, value));

    internal static Assignment Of(ColumnRef target, SqlExpression expression)
        => new(target, expression, expression.Write, null);

    internal static Assignment Null(ColumnRef target)
        => new(target, null, static w => w.Token(ShapeOp.Null), () =>
        {
            if (!target.Column.IsNullable)
                throw new ModelValidationException(target.Column.Model.Name, target.Column.Property, "the column is NOT NULL but the value is null.");
        });

    /// <inheritdoc />
    public override string ToString() => Target + " = " + (Expression?.ToString() ?? "value");
}
