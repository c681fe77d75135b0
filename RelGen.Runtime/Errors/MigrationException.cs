namespace RelGen;

/// <summary>
/// The base of the errors <c>MigrateAsync</c> throws. When it is thrown nothing of the migration it names was
/// applied (each migration runs in its own transaction); migrations before it stay applied.
/// </summary>
public abstract class MigrationException : RelGenException
{
    /// <summary>Creates the error about <paramref name="migration"/> (null when it concerns none), caused by <paramref name="inner"/> when there is one.</summary>
    protected MigrationException(string message, string? migration, Exception? inner = null) : base(message, inner)
        => Migration = migration;

    /// <summary>The migration concerned (e.g. <c>20250102030405_AddEmail</c>), or null when the error concerns none in particular.</summary>
    public string? Migration { get; }

    /// <summary>The PostgreSQL SQLSTATE behind the error, or null when PostgreSQL reported none.</summary>
    public virtual string? SqlState => (InnerException as Npgsql.PostgresException)?.SqlState;
}
