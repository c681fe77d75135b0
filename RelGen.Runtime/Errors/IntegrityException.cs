using Npgsql;

namespace RelGen;

/// <summary>PostgreSQL refused a write for an integrity reason (SQLSTATE class 23): a unique, foreign key, not-null or check violation.</summary>
public sealed class IntegrityException : DatabaseException
{
    public IntegrityException(PostgresException inner)
        : this(inner, null, DatabaseOperation.Save)
    {
    }

    /// <summary>The error of <paramref name="operation"/> on <paramref name="model"/>.</summary>
    public IntegrityException(PostgresException inner, string? model, DatabaseOperation operation)
        : base($"{inner.MessageText}{(inner.ConstraintName is null ? "" : $" (constraint {inner.ConstraintName})")}", inner.SqlState, model, operation, inner)
    {
    }

    /// <summary>The PostgreSQL error this wraps.</summary>
    public PostgresException PostgresException => (PostgresException)InnerException!;

    /// <summary>The SQLSTATE code, e.g. 23505 for a unique violation.</summary>
    public override string SqlState => PostgresException.SqlState;

    /// <summary>The constraint PostgreSQL named, when it named one.</summary>
    public string? ConstraintName => PostgresException.ConstraintName;
}
