using System.Collections.Concurrent;
using System.ComponentModel;

namespace RelGen.Metadata;

/// <summary>
/// The migrations of every loaded assembly. The generator embeds each file of a project's <c>Migrations/</c>
/// folder and registers them from a module initializer, so <c>MigrateAsync</c> finds them in <see cref="All"/>. Nothing
/// is reflected or read from disk.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MigrationRegistry
{
    private static readonly ConcurrentDictionary<string, MigrationDescriptor> Migrations = new(StringComparer.Ordinal);

    /// <summary>Called by generated module initializers. Registering the same migration again is harmless; another text under the same name is an error.</summary>
    public static void Register(params MigrationDescriptor[] migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        foreach (var migration in migrations)
        {
            var registered = Migrations.GetOrAdd(migration.Name, migration);
            if (!ReferenceEquals(registered, migration) && (registered.Checksum != migration.Checksum || registered.DownSql != migration.DownSql))
                throw new InvalidOperationException($"Two loaded assemblies register migration {migration.Name} with different SQL; migration names must be unique.");
        }
    }

    /// <summary>Every registered migration, in the order they apply (ordinal order of name).</summary>
    public static IReadOnlyList<MigrationDescriptor> All() => Migrations.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
}
