using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RelGen.Schema.Snapshots;

namespace RelGen.Schema.Json;

/// <summary>
/// The JSON form of a <see cref="SchemaSnapshot"/>, used in the generator's <c>SchemaSnapshotAttribute</c>
/// (compact) and in <c>Migrations/relgen.snapshot.json</c> (indented). Output is deterministic: tables by name,
/// columns in declaration order, constraints by name, properties in a fixed order, optional ones left out
/// when they hold their default. Reading rejects unknown properties and a newer <c>version</c>, so a snapshot
/// written by a later RelGen is refused rather than half understood.
/// <code>
/// { "format": "relgen-schema", "version": 1, "tables": [ { "name": "reporter",
///   "columns": [ { "name": "id", "type": "integer", "nullable": false, "identity": true }, ... ],
///   "primaryKey": { "name": "reporter_pkey", "columns": ["id"] },
///   "foreignKeys": [ { "name": ..., "columns": [...], "referencedTable": ..., "referencedColumns": [...], "onDelete": "CASCADE" } ],
///   "indexes": [ { "name": ..., "columns": [...], "unique": true } ],
///   "uniqueConstraints": [ { "name": ..., "columns": [...] } ],
///   "checkConstraints": [ { "name": ..., "sql": "..." } ],
///   "distribution": { "kind": "distributed", "column": "id", "colocateWith": "tenant" } } ] }
/// </code>
/// A plain table has no <c>distribution</c>; a reference table's is <c>{ "kind": "reference" }</c>; a distributed table that
/// starts a co-location group has no <c>colocateWith</c> and may have a <c>shardCount</c>.
/// </summary>
public static class SnapshotJson
{
    public const string FormatName = "relgen-schema";

    private const string ReferenceKind = "reference";
    private const string DistributedKind = "distributed";

    public static string Write(SchemaSnapshot snapshot, bool indented)
    {
        var json = new JsonWriter(indented);
        json.StartObject();
        json.Name("format");
        json.String(FormatName);
        json.Name("version");
        json.Number(SchemaSnapshot.FormatVersion);
        json.Name("tables");
        json.StartArray();
        foreach (var table in snapshot.Tables)
            WriteTable(json, table);
        json.EndArray();
        json.EndObject();
        return json.ToString();
    }

    private static void WriteTable(JsonWriter json, TableSnapshot table)
    {
        json.StartObject();
        json.Name("name");
        json.String(table.Name);
        json.Name("columns");
        json.StartArray();
        foreach (var column in table.Columns)
        {
            json.StartObject();
            json.Name("name");
            json.String(column.Name);
            json.Name("type");
            json.String(column.Type);
            json.Name("nullable");
            json.Bool(column.Nullable);
            if (column.Identity)
            {
                json.Name("identity");
                json.Bool(true);
            }
            if (column.DefaultSql is not null)
            {
                json.Name("default");
                json.String(column.DefaultSql);
            }
            json.EndObject();
        }
        json.EndArray();
        if (table.PrimaryKey is { } key)
        {
            json.Name("primaryKey");
            json.StartObject();
            NameAndColumns(json, key.Name, key.Columns);
            json.EndObject();
        }
        WriteList(json, "foreignKeys", table.ForeignKeys, fk =>
        {
            NameAndColumns(json, fk.Name, fk.Columns);
            json.Name("referencedTable");
            json.String(fk.ReferencedTable);
            json.Name("referencedColumns");
            json.StringArray(fk.ReferencedColumns);
            json.Name("onDelete");
            json.String(fk.OnDelete);
        });
        WriteList(json, "indexes", table.Indexes, index =>
        {
            NameAndColumns(json, index.Name, index.Columns);
            if (index.Unique)
            {
                json.Name("unique");
                json.Bool(true);
            }
        });
        WriteList(json, "uniqueConstraints", table.UniqueConstraints, unique => NameAndColumns(json, unique.Name, unique.Columns));
        WriteList(json, "checkConstraints", table.CheckConstraints, check =>
        {
            json.Name("name");
            json.String(check.Name);
            json.Name("sql");
            json.String(check.Sql);
        });
        if (table.Distribution is { } distribution)
            WriteDistribution(json, distribution);
        json.EndObject();
    }

    private static void WriteDistribution(JsonWriter json, DistributionSnapshot distribution)
    {
        json.Name("distribution");
        json.StartObject();
        json.Name("kind");
        json.String(distribution.IsReference ? ReferenceKind : DistributedKind);
        if (distribution.Column is not null)
        {
            json.Name("column");
            json.String(distribution.Column);
        }
        if (distribution.ColocateWith is not null)
        {
            json.Name("colocateWith");
            json.String(distribution.ColocateWith);
        }
        if (distribution.ShardCount > 0)
        {
            json.Name("shardCount");
            json.Number(distribution.ShardCount);
        }
        json.EndObject();
    }

    private static void WriteList<T>(JsonWriter json, string name, IReadOnlyList<T> items, Action<T> writeBody)
    {
        if (items.Count == 0)
            return;
        json.Name(name);
        json.StartArray();
        foreach (var item in items)
        {
            json.StartObject();
            writeBody(item);
            json.EndObject();
        }
        json.EndArray();
    }

    private static void NameAndColumns(JsonWriter json, string name, IReadOnlyList<string> columns)
    {
        json.Name("name");
        json.String(name);
        json.Name("columns");
        json.StringArray(columns);
    }

    /// <summary>Reads a snapshot; <see cref="SnapshotFormatException"/> names the JSON path of what is wrong.</summary>
    public static SchemaSnapshot Read(string text)
    {
        var root = new Node(JsonReader.Parse(text), "$");
        var format = root.Get("format").String();
        if (format != FormatName)
            throw new SnapshotFormatException($"$.format: expected \"{FormatName}\", found \"{format}\".");
        var version = root.Get("version").Int();
        if (version > SchemaSnapshot.FormatVersion)
            throw new SnapshotFormatException(
                $"$.version: this snapshot has format version {version}, written by a newer RelGen; this one reads version {SchemaSnapshot.FormatVersion}. Update RelGen.");
        if (version < 1)
            throw new SnapshotFormatException($"$.version: {version} is not a snapshot format version.");
        root.OnlyKnown("format", "version", "tables");
        return Build("$", () => new SchemaSnapshot(root.Get("tables").Items().Select(ReadTable).ToList()));
    }

    private static TableSnapshot ReadTable(Node table)
    {
        table.OnlyKnown("name", "columns", "primaryKey", "foreignKeys", "indexes", "uniqueConstraints", "checkConstraints", "distribution");
        var name = table.Get("name").String();
        var columns = table.Get("columns").Items().Select(column =>
        {
            column.OnlyKnown("name", "type", "nullable", "identity", "default");
            return Build(column.Path, () => new ColumnSnapshot(
                column.Get("name").String(),
                column.Get("type").String(),
                column.Get("nullable").Bool(),
                column.Optional("identity")?.Bool() ?? false,
                column.Optional("default")?.String()));
        }).ToList();
        var keyNode = table.Optional("primaryKey");
        PrimaryKeySnapshot? key = null;
        if (keyNode is not null)
        {
            keyNode.OnlyKnown("name", "columns");
            key = Build(keyNode.Path, () => new PrimaryKeySnapshot(keyNode.Get("name").String(), keyNode.Get("columns").Strings()));
        }
        var foreignKeys = Items(table, "foreignKeys").Select(fk =>
        {
            fk.OnlyKnown("name", "columns", "referencedTable", "referencedColumns", "onDelete");
            return Build(fk.Path, () => new ForeignKeySnapshot(
                fk.Get("name").String(), fk.Get("columns").Strings(), fk.Get("referencedTable").String(),
                fk.Get("referencedColumns").Strings(), fk.Get("onDelete").String()));
        }).ToList();
        var indexes = Items(table, "indexes").Select(index =>
        {
            index.OnlyKnown("name", "columns", "unique");
            return Build(index.Path, () => new IndexSnapshot(
                index.Get("name").String(), index.Get("columns").Strings(), index.Optional("unique")?.Bool() ?? false));
        }).ToList();
        var uniques = Items(table, "uniqueConstraints").Select(unique =>
        {
            unique.OnlyKnown("name", "columns");
            return Build(unique.Path, () => new UniqueConstraintSnapshot(unique.Get("name").String(), unique.Get("columns").Strings()));
        }).ToList();
        var checks = Items(table, "checkConstraints").Select(check =>
        {
            check.OnlyKnown("name", "sql");
            return Build(check.Path, () => new CheckConstraintSnapshot(check.Get("name").String(), check.Get("sql").String()));
        }).ToList();
        var distribution = table.Optional("distribution") is { } node ? ReadDistribution(node) : null;
        return Build(table.Path, () => new TableSnapshot(name, columns, key, foreignKeys, indexes, uniques, checks, distribution));
    }

    private static DistributionSnapshot ReadDistribution(Node node)
    {
        node.OnlyKnown("kind", "column", "colocateWith", "shardCount");
        var kind = node.Get("kind").String();
        if (kind == ReferenceKind)
        {
            node.OnlyKnown("kind");
            return DistributionSnapshot.Reference;
        }
        if (kind != DistributedKind)
            throw new SnapshotFormatException($"{node.Path}.kind: expected \"{ReferenceKind}\" or \"{DistributedKind}\", found \"{kind}\".");
        return Build(node.Path, () => DistributionSnapshot.Distributed(
            node.Get("column").String(), node.Optional("colocateWith")?.String(), node.Optional("shardCount")?.Int() ?? 0));
    }

    private static IEnumerable<Node> Items(Node parent, string name) => parent.Optional(name)?.Items() ?? Enumerable.Empty<Node>();

    /// <summary>Turns the snapshot types' argument checks into format errors at the JSON path.</summary>
    private static T Build<T>(string path, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            throw new SnapshotFormatException($"{path}: {e.Message}");
        }
    }

    /// <summary>A parsed JSON value and its path, with typed accessors that fail naming the path.</summary>
    private sealed class Node
    {
        private readonly object? _value;

        public Node(object? value, string path)
        {
            _value = value;
            Path = path;
        }

        public string Path { get; }

        public Node Get(string name)
            => Optional(name) ?? throw new SnapshotFormatException($"{Path}: the property '{name}' is missing.");

        public Node? Optional(string name)
        {
            var members = Object();
            return members.TryGetValue(name, out var value) && value is not null ? new Node(value, Path + "." + name) : null;
        }

        public void OnlyKnown(params string[] names)
        {
            foreach (var name in Object().Keys)
            {
                if (Array.IndexOf(names, name) < 0)
                    throw new SnapshotFormatException($"{Path}: unknown property '{name}' (expected {string.Join(", ", names)}).");
            }
        }

        public IEnumerable<Node> Items()
        {
            if (_value is not List<object?> list)
                throw Wrong("an array");
            return list.Select((item, i) => new Node(item, Path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]")).ToList();
        }

        public IEnumerable<string> Strings() => Items().Select(item => item.String()).ToList();

        public string String() => _value as string ?? throw Wrong("a string");

        public bool Bool() => _value is bool b ? b : throw Wrong("true or false");

        public int Int()
            => _value is decimal d && d == decimal.Truncate(d) && d >= int.MinValue && d <= int.MaxValue ? (int)d : throw Wrong("a whole number");

        private Dictionary<string, object?> Object() => _value as Dictionary<string, object?> ?? throw Wrong("an object");

        private SnapshotFormatException Wrong(string expected) => new($"{Path}: expected {expected}.");
    }
}
