namespace RelGen;

/// <summary>
/// A migration named in the call or needed to carry it out is not among the loaded assemblies' migrations:
/// an unknown target of <c>MigrateAsync(target)</c>, or an applied migration a rollback would have to undo.
/// </summary>
public sealed class MigrationNotFoundException : MigrationException
{
    /// <summary>Creates the error for <paramref name="migration"/>, which is not among the loaded migrations; <paramref name="message"/> says what needed it.</summary>
    public MigrationNotFoundException(string migration, string message) : base(message, migration)
    {
    }
}
