namespace RelGen;

/// <summary>An applied migration's up SQL changed since it was applied. Nothing was applied or rolled back.</summary>
public sealed class MigrationChecksumException : MigrationException
{
    public MigrationChecksumException(string migration, string appliedChecksum, string currentChecksum)
        : base($"Migration {migration} was edited after it was applied: the database recorded checksum {appliedChecksum}, "
               + $"its up SQL now has {currentChecksum}. Restore the applied text and put the change in a new migration "
               + "(dotnet relgen migrations add <Name>). Nothing was applied.", migration)
    {
        AppliedChecksum = appliedChecksum;
        CurrentChecksum = currentChecksum;
    }

    public string AppliedChecksum { get; }

    public string CurrentChecksum { get; }
}
