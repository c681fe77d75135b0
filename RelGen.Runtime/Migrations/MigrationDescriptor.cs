using System.ComponentModel;

namespace RelGen.Metadata;

/// <summary>
/// One migration as the generator embeds it from <c>Migrations/{name}.sql</c>: its name, up SQL and down SQL
/// (null when the file has no down section). Registered through <see cref="MigrationRegistry.Register"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MigrationDescriptor
{
    /// <summary>Migration <paramref name="name"/> with its up SQL and its down SQL (null when it has none); computes <see cref="Checksum"/>.</summary>
    public MigrationDescriptor(string name, string upSql, string? downSql)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(upSql);
        Name = name;
        UpSql = upSql;
        DownSql = downSql;
        Checksum = Migrations.MigrationChecksum.Of(upSql);
    }

    /// <summary>The file name without extension, e.g. <c>20250102030405_AddEmail</c>; migrations run in ordinal order of it.</summary>
    public string Name { get; }

    /// <summary>The SQL that applies the migration: the file's text before <c>-- relgen:down</c>.</summary>
    public string UpSql { get; }

    /// <summary>The SQL that undoes <see cref="UpSql"/>, or null when there is none (the migration cannot be rolled back).</summary>
    public string? DownSql { get; }

    /// <summary>SHA-256 of the up SQL with <c>\n</c> line ends, in lower-case hex: recorded when applied, compared on every run.</summary>
    public string Checksum { get; }

    /// <summary>The migration's <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
