using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// A value computed by the database for each row: a field of the model or of a related one, a constant, arithmetic over
/// them (Django's <c>F()</c> expressions). Lookups compare expressions into predicates; <c>OrderBy</c> orders by them.
/// </summary>
public abstract class SqlExpression
{
    private protected SqlExpression()
    {
    }

    /// <summary>Django's <c>isnull</c>.</summary>
    public Predicate IsNull(bool isNull = true) => new IsNullPredicate(this, isNull);

    /// <summary>Orders ascending; <paramref name="nullsFirst"/> places NULLs (PostgreSQL's default: last).</summary>
    public OrderTerm Asc(bool? nullsFirst = null) => new(this, descending: false, nullsFirst);

    /// <summary>Orders descending; <paramref name="nullsFirst"/> places NULLs (PostgreSQL's default: first).</summary>
    public OrderTerm Desc(bool? nullsFirst = null) => new(this, descending: true, nullsFirst);

    /// <summary>An expression alone in <c>OrderBy</c> orders ascending.</summary>
    public static implicit operator OrderTerm(SqlExpression expression) => new(expression, descending: false, nullsFirst: null);

    /// <summary>Writes the expression's shape tokens and, in the same order, its values as parameters.</summary>
    internal abstract void Write(ShapeWriter writer);

    /// <summary>True when the expression reads a column across a reverse relation (several values per row).</summary>
    internal abstract bool IsMultiValued { get; }

    /// <summary>The column this expression is, when it is a plain column of some model (not computed, not transformed).</summary>
    internal virtual ColumnRef? PlainColumn => null;

    /// <summary>A column of this expression read across a reverse relation, if any: an aggregate of the expression is taken there.</summary>
    internal virtual ColumnRef? MultiValuedColumn => (this as IColumnField)?.Column is { IsMultiValued: true } column ? column : null;
}
