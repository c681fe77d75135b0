namespace RelGen;

/// <summary>
/// A column default the database computes, written in SQL (Django's <c>db_default</c>): <c>[DefaultSql("now()")]</c>.
/// PostgreSQL applies it to rows inserted without the column (by SQL of your own, another application) and fills the rows
/// a table already has when a migration adds the column. RelGen's own inserts send the property's value, as they do for
/// every column. For a constant, <c>[DefaultValue(x)]</c> (System.ComponentModel) sets the same kind of default.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class DefaultSqlAttribute : Attribute
{
    /// <summary>The default <paramref name="sql"/>, an SQL expression such as <c>now()</c> or <c>gen_random_uuid()</c>.</summary>
    public DefaultSqlAttribute(string sql) => Sql = sql;

    /// <summary>The SQL expression.</summary>
    public string Sql { get; }
}
