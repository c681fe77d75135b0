namespace RelGen;

/// <summary>An applied migration's up SQL changed since it was applied. Nothing was applied or rolled back.</summary>
public sealed class MigrationChecksumException : MigrationException
{
    /// <summary>Creates the error for <paramref name="migration"/>, applied with <paramref name="appliedChecksum"/>, whose up SQL now has <paramref name="currentChecksum"/>.</summary>
    public MigrationChecksumException(string migration, string appliedChecksum, string currentChecksum)
        : base($"Migration {migration} was edited after it was applied: the database recorded checksum {appliedChecksum}, "
               + $"its up SQL now has {currentChecksum}. Restore the applied text and put the change in a new migration "
               + "(dotnet relgen migrations add <Name>). Nothing was applied.", migration)
    {
        AppliedChecksum = appliedChecksum;
        CurrentChecksum = currentChecksum;
    }

    /// <summary>The checksum the migration history recorded when the migration was applied (SHA-256, lower-case hex).</summary>
    public string AppliedChecksum { get; }

    /// <summary>The checksum of the migration's up SQL as loaded now (SHA-256, lower-case hex).</summary>
    public string CurrentChecksum { get; }
}
