using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RelGen.Generator.Diagnostics;
using RelGen.Generator.Model;
using RelGen.Schema.Ddl;
using RelGen.Schema.Json;
using RelGen.Schema.Snapshots;

namespace RelGen.Generator.Migrations;

/// <summary>
/// Builds the compilation's schema snapshot from the model specs (and the snapshots of the RelGen assemblies it references)
/// with RelGen.Schema's own types, so the JSON on the assembly is what <c>dotnet relgen migrations add</c> reads and the DDL
/// <c>CreateTablesAsync</c> runs is what a migration from nothing would run: one naming and DDL path. Also finds the names
/// that must be unique across the schema: tables, and the indexes (keys and unique constraints have one too).
/// </summary>
internal static class SnapshotBuilder
{
    public static SchemaOutputSpec Build(ModelGraph graph, ReferencedModelsSpec referenced, CancellationToken cancellationToken)
    {
        var empty = new SchemaOutputSpec(null, EquatableArray<TableDdlSpec>.Empty, EquatableArray<ClashSpec>.Empty, EquatableArray<DiagnosticInfo>.Empty);
        if (graph.HasInvalidModels || (graph.Models.Count == 0 && referenced.Schemas.Count == 0))
            return empty;

        var diagnostics = new List<DiagnosticInfo>();
        var foreign = new List<(string Assembly, TableSnapshot Table)>();
        foreach (var schema in referenced.Schemas)
        {
            try
            {
                foreign.AddRange(SnapshotJson.Read(schema.Json).Tables.Select(t => (schema.Assembly, t)));
            }
            catch (Exception e) when (e is SnapshotFormatException or FormatException or ArgumentException)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedSnapshot, null, "SchemaSnapshotAttribute of " + schema.Assembly, e.Message));
            }
        }

        var problems = new List<ClashSpec>();
        var own = graph.Models.Select(spec => (Spec: spec, Table: Table(spec))).ToList();
        // Names PostgreSQL keeps in one namespace per schema: tables, indexes, and the indexes behind keys and unique
        // constraints. Tables claim theirs first, so an index named like a table is the index's fault, whatever the order.
        var relations = new Dictionary<string, (string Kind, string Owner)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var referencedTables = new List<TableSnapshot>();
        foreach (var (assembly, table) in foreign)
        {
            // A table reached through two referenced assemblies (one references the other) is the same table: keep the first.
            if (seen.Add(table.Name))
            {
                referencedTables.Add(table);
                Claim(relations, table.Name, "table", "assembly " + assembly, null, problems);
            }
        }
        var valid = new List<(ModelEmitSpec Spec, TableSnapshot Table)>();
        foreach (var (spec, table) in own)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Claim(relations, table.Name, "table", spec.Model.ClassName, spec.Model, problems))
                valid.Add((spec, table));
        }
        foreach (var table in referencedTables)
            ClaimIndexes(relations, table, "assembly", null, problems);
        foreach (var (spec, table) in valid)
            ClaimIndexes(relations, table, spec.Model.ClassName, spec.Model, problems);
        var tables = valid.Select(v => Ddl(v.Table)).ToList();
        if (problems.Count > 0 || diagnostics.Count > 0)
            return new SchemaOutputSpec(null, EquatableArray<TableDdlSpec>.Empty, new EquatableArray<ClashSpec>(problems), new EquatableArray<DiagnosticInfo>(diagnostics));

        var byName = new Dictionary<string, TableSnapshot>(StringComparer.Ordinal);
        foreach (var table in referencedTables.Concat(valid.Select(v => v.Table)))
        {
            if (!byName.ContainsKey(table.Name))
                byName[table.Name] = table;
        }
        var json = SnapshotJson.Write(new SchemaSnapshot(byName.Values), indented: false);
        return new SchemaOutputSpec(json, new EquatableArray<TableDdlSpec>(tables.OrderBy(t => t.Table, StringComparer.Ordinal)),
            EquatableArray<ClashSpec>.Empty, EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>The table of one model, as the parser named every part of it.</summary>
    private static TableSnapshot Table(ModelEmitSpec spec)
    {
        var model = spec.Model;
        var schema = model.Schema;
        var columns = model.Columns.Select((c, i) => new ColumnSnapshot(
            c.Column,
            c.SqlType,
            c.IsNullable && i != model.KeyIndex,
            i == model.KeyIndex && model.KeyIsIdentity,
            c.DefaultSql));
        var foreignKeys = schema.ForeignKeys
            .Where(fk => spec.RelationIsValid[fk.RelationIndex])
            .Select(fk => new ForeignKeySnapshot(fk.Name, [fk.Column], fk.TargetTable, [fk.TargetColumn], fk.OnDelete));
        return new TableSnapshot(
            model.Table,
            columns,
            new PrimaryKeySnapshot(schema.PrimaryKeyName, [model.Key.Column]),
            foreignKeys,
            schema.Indexes.Select(i => new IndexSnapshot(i.Name, i.Columns, i.Unique)),
            schema.UniqueConstraints.Select(u => new UniqueConstraintSnapshot(u.Name, u.Columns)),
            schema.Checks.Select(c => new CheckConstraintSnapshot(c.Name, c.Sql)));
    }

    /// <summary>What a migration from nothing runs for this table (SchemaDiffer's order): the table, its indexes, its foreign keys.</summary>
    private static TableDdlSpec Ddl(TableSnapshot table)
    {
        var after = table.Indexes.Select(i => PostgresDdl.CreateIndex(table.Name, i))
            .Concat(table.ForeignKeys.Select(fk => PostgresDdl.AddConstraint(table.Name, PostgresDdl.ForeignKeyClause(fk))));
        return new TableDdlSpec(table.Name, PostgresDdl.CreateTable(table), new EquatableArray<string>(after));
    }

    /// <summary>Claims the names of the table's key, unique constraints and indexes.</summary>
    private static void ClaimIndexes(Dictionary<string, (string Kind, string Owner)> relations, TableSnapshot table, string owner, ModelSpec? model,
        List<ClashSpec> problems)
    {
        var names = new List<(string Name, string Kind)>();
        if (table.PrimaryKey is { } key)
            names.Add((key.Name, "primary key"));
        names.AddRange(table.UniqueConstraints.Select(u => (u.Name, "unique constraint")));
        names.AddRange(table.Indexes.Select(i => (i.Name, "index")));
        foreach (var (name, kind) in names)
            Claim(relations, name, kind, owner == "assembly" ? "table " + table.Name : owner, model, problems);
    }

    /// <summary>Claims one name; false (with a problem located on <paramref name="model"/>, when there is one) when it is taken.</summary>
    private static bool Claim(Dictionary<string, (string Kind, string Owner)> relations, string name, string kind, string owner, ModelSpec? model,
        List<ClashSpec> problems)
    {
        if (!relations.TryGetValue(name, out var first))
        {
            relations[name] = (kind, owner);
            return true;
        }
        if (model is not null)
        {
            var fix = kind == "table"
                ? "give one model another table with [Model(Table = \"...\")]"
                : "PostgreSQL keeps tables, indexes and the indexes of keys and unique constraints in one namespace per schema; give one of them another name";
            problems.Add(new ClashSpec(MetadataName(model), "", DiagnosticDescriptors.DuplicateName.Id,
                new EquatableArray<string>([kind, name, owner, first.Kind, first.Owner, fix])));
        }
        return false;
    }

    private static string MetadataName(ModelSpec model) => model.Namespace.Length == 0 ? model.ClassName : model.Namespace + "." + model.ClassName;
}
