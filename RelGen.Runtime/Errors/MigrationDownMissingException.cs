namespace RelGen;

/// <summary>A rollback needs a migration whose file has no down section. Nothing was rolled back.</summary>
public sealed class MigrationDownMissingException : MigrationException
{
    /// <summary>Creates the error for <paramref name="migration"/>, which has no down SQL and would have to be undone to roll back to <paramref name="target"/>.</summary>
    public MigrationDownMissingException(string migration, string target)
        : base($"Cannot roll back to {target}: migration {migration} has no down section ('-- relgen:down'), so it cannot be undone. "
               + "Write its down SQL in the migration file, or roll back by hand. Nothing was rolled back.", migration)
        => Target = target;

    /// <summary>The migration the call asked to roll back to.</summary>
    public string Target { get; }
}
