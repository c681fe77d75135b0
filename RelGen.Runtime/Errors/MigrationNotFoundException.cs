namespace RelGen;

/// <summary>
/// A migration named in the call or needed to carry it out is not among the loaded assemblies' migrations:
/// an unknown target of <c>MigrateAsync(target)</c>, or an applied migration a rollback would have to undo.
/// </summary>
public sealed class MigrationNotFoundException : MigrationException
{
    public MigrationNotFoundException(string migration, string message) : base(message, migration)
    {
    }
}
