using Npgsql;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary><c>column OP value</c>; LIKE lookups escape the value's wildcards before it is sent.</summary>
internal sealed class ComparePredicate<T>(ColumnRef column, LookupOperator op, T value) : Predicate
{
    public ColumnRef Column { get; } = column;
    public LookupOperator Operator { get; } = op;
    public T Value { get; } = value;

    private bool IsNullValue => Value is null;

    internal override bool IsMultiValued => Column.Path?.IsMultiValued ?? false;

    internal override void WriteSql(SqlBuilder sql)
    {
        if (IsNullValue)
        {
            // Django: exact=None is isnull=True.
            sql.Column(Column);
            sql.Append(Operator == LookupOperator.NotEqual ? " IS NOT NULL" : " IS NULL");
            return;
        }
        switch (Operator)
        {
            case LookupOperator.IExact:
                sql.Append("UPPER(");
                sql.Column(Column);
                sql.Append(") = UPPER(");
                sql.Parameter();
                sql.Append(')');
                return;
            case LookupOperator.Contains or LookupOperator.StartsWith or LookupOperator.EndsWith:
                sql.Column(Column);
                sql.Append(" LIKE ");
                sql.Parameter();
                return;
            case LookupOperator.IContains or LookupOperator.IStartsWith or LookupOperator.IEndsWith:
                sql.Column(Column);
                sql.Append(" ILIKE ");
                sql.Parameter();
                return;
        }
        sql.Column(Column);
        sql.Append(Operator switch
        {
            LookupOperator.Exact => " = ",
            LookupOperator.NotEqual => " <> ",
            LookupOperator.Gt => " > ",
            LookupOperator.Gte => " >= ",
            LookupOperator.Lt => " < ",
            LookupOperator.Lte => " <= ",
            LookupOperator.Regex => " ~ ",
            LookupOperator.IRegex => " ~* ",
            _ => throw new InvalidOperationException($"Unexpected lookup {Operator}."),
        });
        sql.Parameter();
    }

    internal override void AddParameters(NpgsqlParameterCollection parameters)
    {
        if (IsNullValue)
            return;
        if (Value is string text)
        {
            var pattern = Operator switch
            {
                LookupOperator.Contains or LookupOperator.IContains => "%" + LikePattern.Escape(text) + "%",
                LookupOperator.StartsWith or LookupOperator.IStartsWith => LikePattern.Escape(text) + "%",
                LookupOperator.EndsWith or LookupOperator.IEndsWith => "%" + LikePattern.Escape(text),
                _ => text,
            };
            parameters.Add(new NpgsqlParameter<string> { TypedValue = pattern });
            return;
        }
        parameters.Add(new NpgsqlParameter<T> { TypedValue = Value });
    }

    internal override bool ShapeEquals(Predicate other)
        => other is ComparePredicate<T> o && o.Operator == Operator && o.IsNullValue == IsNullValue && ColumnRefShape.Equal(o.Column, Column);

    internal override void AddShape(ref HashCode hash)
    {
        hash.Add(4);
        hash.Add(Operator);
        hash.Add(IsNullValue);
        ColumnRefShape.Add(ref hash, Column);
    }
}
