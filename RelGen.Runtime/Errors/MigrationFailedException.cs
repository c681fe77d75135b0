using Npgsql;

namespace RelGen;

/// <summary>
/// PostgreSQL refused a migration's SQL, or RelGen's own bookkeeping around it (the lock, the history table;
/// then <see cref="MigrationException.Migration"/> is null). Its transaction was rolled back, so none of it is
/// applied; migrations applied before it in the same call stay applied. <see cref="MigrationException.SqlState"/>
/// holds the SQLSTATE.
/// </summary>
public sealed class MigrationFailedException : MigrationException
{
    /// <summary>
    /// Creates the error for PostgreSQL's refusal of <paramref name="migration"/>'s up SQL, or its down SQL when
    /// <paramref name="rollingBack"/>; a null <paramref name="migration"/> means RelGen's own bookkeeping failed.
    /// </summary>
    public MigrationFailedException(string? migration, bool rollingBack, PostgresException inner)
        : base((migration is null ? "Preparing to migrate failed" : $"Migration {migration} failed {(rollingBack ? "to roll back (down SQL)" : "(up SQL)")}")
               + $": {inner.SqlState} {inner.MessageText}"
               + (inner.Position > 0 ? $" at character {inner.Position} of its SQL" : "")
               + ". Its transaction was rolled back.", migration, inner)
        => RollingBack = rollingBack;

    /// <summary>True when the down SQL failed (a rollback), false for the up SQL.</summary>
    public bool RollingBack { get; }

    /// <summary>The PostgreSQL error this wraps: its SQLSTATE, message, and position in the SQL.</summary>
    public PostgresException PostgresException => (PostgresException)InnerException!;
}
