namespace RelGen;

/// <summary>
/// A <c>CHECK</c> constraint on the model's table, written in SQL (Django's <c>CheckConstraint</c>, EF Core's
/// <c>HasCheckConstraint</c>): <c>[CheckSql("article_views_not_negative", "views &gt;= 0")]</c>. The SQL is the
/// developer's, put into the DDL as written: name columns as they are in the table (snake_case). Repeatable.
/// A row that breaks it is refused by PostgreSQL with an <see cref="IntegrityException"/> (SQLSTATE 23514).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class CheckSqlAttribute : Attribute
{
    /// <summary>A constraint named <paramref name="name"/> that every row must satisfy: <paramref name="sql"/>, a boolean SQL expression.</summary>
    public CheckSqlAttribute(string name, string sql)
    {
        Name = name;
        Sql = sql;
    }

    /// <summary>The constraint name, unique within the table.</summary>
    public string Name { get; }

    /// <summary>The boolean SQL expression.</summary>
    public string Sql { get; }
}
