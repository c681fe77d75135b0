using Npgsql;

namespace RelGen;

/// <summary>PostgreSQL refused a write for an integrity reason: a unique, foreign key, not-null or check violation.</summary>
public sealed class IntegrityException : RelGenException
{
    public IntegrityException(PostgresException inner)
        : base($"{inner.MessageText}{(inner.ConstraintName is null ? "" : $" (constraint {inner.ConstraintName})")}", inner)
    {
    }

    /// <summary>The PostgreSQL error this wraps.</summary>
    public PostgresException PostgresException => (PostgresException)InnerException!;

    /// <summary>The SQLSTATE code, e.g. 23505 for a unique violation.</summary>
    public string SqlState => PostgresException.SqlState;
}
