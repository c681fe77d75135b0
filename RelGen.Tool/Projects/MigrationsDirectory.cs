using RelGen.Schema.Files;
using RelGen.Schema.Json;
using RelGen.Schema.Snapshots;
using RelGen.Tool.Cli;

namespace RelGen.Tool.Projects;

/// <summary>
/// A project's migrations folder: <c>{yyyyMMddHHmmss}_{Name}.sql</c> files, applied in name order, and
/// <c>relgen.snapshot.json</c>, the schema after the latest of them.
/// </summary>
internal sealed class MigrationsDirectory
{
    public const string SnapshotFileName = "relgen.snapshot.json";

    public MigrationsDirectory(string path) => Path = path;

    public string Path { get; }

    public string SnapshotPath => System.IO.Path.Combine(Path, SnapshotFileName);

    /// <summary>The migration files in the order they apply; a <c>.sql</c> file not named like one is an error (the generator would embed it too).</summary>
    public IReadOnlyList<(string Name, string File)> Migrations()
    {
        if (!Directory.Exists(Path))
            return [];
        var files = new List<(string, string)>();
        foreach (var file in Directory.GetFiles(Path, "*" + MigrationFile.Extension))
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(file);
            if (!MigrationFile.IsValidName(name))
                throw new ToolException($"{file} is not named like a migration (yyyyMMddHHmmss_Name.sql); rename or move it.");
            files.Add((name, file));
        }
        return files.OrderBy(f => f.Item1, StringComparer.Ordinal).ToList();
    }

    public MigrationFile Read(string name, string file)
    {
        try
        {
            return MigrationFile.Parse(name, File.ReadAllText(file));
        }
        catch (FormatException e)
        {
            throw new ToolException($"{file}: {e.Message}");
        }
    }

    /// <summary>The schema after the latest migration: empty before the first one.</summary>
    public SchemaSnapshot LatestSnapshot()
    {
        if (!File.Exists(SnapshotPath))
        {
            return Migrations().Count == 0
                ? SchemaSnapshot.Empty
                : throw new ToolException($"{SnapshotPath} is missing but there are migrations: restore it from version control (it is the schema after the latest migration).");
        }
        try
        {
            return SnapshotJson.Read(File.ReadAllText(SnapshotPath));
        }
        catch (SnapshotFormatException e)
        {
            throw new ToolException($"{SnapshotPath}: {e.Message}");
        }
    }

    /// <summary>Writes the migration, then the snapshot; each through a temporary file, so an interrupted run leaves no half file.</summary>
    public string Write(string name, string migrationText, SchemaSnapshot snapshot)
    {
        Directory.CreateDirectory(Path);
        var file = System.IO.Path.Combine(Path, name + MigrationFile.Extension);
        WriteAtomically(file, migrationText);
        WriteAtomically(SnapshotPath, SnapshotJson.Write(snapshot, indented: true));
        return file;
    }

    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
