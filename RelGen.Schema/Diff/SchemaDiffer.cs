using System;
using System.Collections.Generic;
using System.Linq;
using RelGen.Schema.Ddl;
using RelGen.Schema.Snapshots;

namespace RelGen.Schema.Diff;

/// <summary>
/// Compares two snapshots and lists the changes from the first to the second. Order (each step may need the
/// ones before): confirmed renames; dropped foreign keys; dropped keys, constraints and indexes; renames of
/// constraints and indexes whose definition did not change (a renamed table's <c>{table}_pkey</c>, say);
/// created tables; added, altered, then dropped columns; dropped tables; the Citus calls of created reference and
/// distributed tables; added keys, constraints and indexes; added foreign keys. The down script is the same comparison backwards (see <see cref="MigrationScripts"/>).
/// </summary>
public static class SchemaDiffer
{
    private enum Phase
    {
        Rename,
        DropForeignKey,
        DropConstraint,
        RenameObject,
        CreateTable,
        AddColumn,
        AlterColumn,
        DropColumn,
        DropTable,
        Distribute,
        AddConstraint,
        AddForeignKey,
    }

    public static SchemaDiff Compare(SchemaSnapshot from, SchemaSnapshot to, SchemaRenames? renames = null)
    {
        renames ??= SchemaRenames.None;
        Validate(from, to, renames);
        var steps = new List<(Phase Phase, SchemaChange Change)>();
        void Add(Phase phase, ChangeKind kind, string description, params string[] statements)
            => steps.Add((phase, new SchemaChange(kind, description, statements)));

        foreach (var pair in renames.Tables.OrderBy(p => p.Key, StringComparer.Ordinal))
            Add(Phase.Rename, ChangeKind.RenameTable, $"rename table {pair.Key} to {pair.Value}", PostgresDdl.RenameTable(pair.Key, pair.Value));
        foreach (var pair in renames.Columns.OrderBy(p => p.Key.Table, StringComparer.Ordinal).ThenBy(p => p.Key.Column, StringComparer.Ordinal))
        {
            Add(Phase.Rename, ChangeKind.RenameColumn, $"rename column {pair.Key.Table}.{pair.Key.Column} to {pair.Value}",
                PostgresDdl.RenameColumn(pair.Key.Table, pair.Key.Column, pair.Value));
        }

        var renamed = ApplyRenames(from, renames);
        var dropped = renamed.Tables.Where(t => to.FindTable(t.Name) is null).ToList();
        var created = to.Tables.Where(t => renamed.FindTable(t.Name) is null).ToList();

        foreach (var table in created)
        {
            Add(Phase.CreateTable, ChangeKind.CreateTable, $"create table {table.Name}", PostgresDdl.CreateTable(table));
            foreach (var index in table.Indexes)
                Add(Phase.AddConstraint, ChangeKind.AddIndex, Added("index", index.Name, table.Name, Describe(index), null), PostgresDdl.CreateIndex(table.Name, index));
            foreach (var fk in table.ForeignKeys)
                Add(Phase.AddForeignKey, ChangeKind.AddForeignKey, Added("foreign key", fk.Name, table.Name, Describe(fk), null), PostgresDdl.AddConstraint(table.Name, PostgresDdl.ForeignKeyClause(fk)));
        }
        // Citus wants a table distributed after it exists and before a foreign key points at it, a group's first table first.
        foreach (var table in created.Where(t => t.Distribution is not null).OrderBy(t => t.Distribution!.Order).ThenBy(t => t.Name, StringComparer.Ordinal))
        {
            Add(Phase.Distribute, ChangeKind.DistributeTable, $"citus: {table.Name} {table.Distribution} (where the citus extension is installed)",
                PostgresDdl.DistributeWhereCitus(table.Name, table.Distribution!));
        }
        var droppedNames = new HashSet<string>(dropped.Select(t => t.Name), StringComparer.Ordinal);
        foreach (var table in dropped)
        {
            // Another dropped table's key pointing here would stop this DROP TABLE: those keys go first.
            foreach (var fk in table.ForeignKeys.Where(f => f.ReferencedTable != table.Name && droppedNames.Contains(f.ReferencedTable)))
                Add(Phase.DropForeignKey, ChangeKind.DropForeignKey, $"drop foreign key {fk.Name} on {table.Name} (both tables are dropped)", PostgresDdl.DropConstraint(table.Name, fk.Name));
            Add(Phase.DropTable, ChangeKind.DropTable, $"drop table {table.Name}", PostgresDdl.DropTable(table.Name));
        }
        foreach (var table in to.Tables)
        {
            if (renamed.FindTable(table.Name) is { } old)
                CompareTable(old, table, Add);
        }

        var changes = steps.Select((s, i) => (s, i)).OrderBy(x => x.s.Phase).ThenBy(x => x.i).Select(x => x.s.Change).ToList();
        return new SchemaDiff(changes, Candidates(renamed, to, dropped, created));
    }

    private delegate void AddStep(Phase phase, ChangeKind kind, string description, params string[] statements);

    private static void CompareTable(TableSnapshot old, TableSnapshot now, AddStep add)
    {
        var t = now.Name;
        foreach (var column in now.Columns)
        {
            var before = old.FindColumn(column.Name);
            if (before is null)
                AddColumn(t, column, add);
            else
                AlterColumn(t, before, column, add);
        }
        foreach (var column in old.Columns.Where(c => now.FindColumn(c.Name) is null))
            add(Phase.DropColumn, ChangeKind.DropColumn, $"drop column {t}.{column.Name}", PostgresDdl.DropColumn(t, column.Name));

        Match(Single(old.PrimaryKey), Single(now.PrimaryKey), k => k.Name, (a, b) => a.SameDefinition(b),
            drop: (key, change) => add(Phase.DropConstraint, ChangeKind.DropPrimaryKey,
                Dropped("primary key", key.Name, t, Describe(key), change), PostgresDdl.DropConstraint(t, key.Name)),
            create: (key, change) => add(Phase.AddConstraint, ChangeKind.AddPrimaryKey,
                Added("primary key", key.Name, t, Describe(key), change), PostgresDdl.AddConstraint(t, PostgresDdl.PrimaryKeyClause(key))),
            rename: (a, b) => add(Phase.RenameObject, ChangeKind.RenameConstraint, $"rename primary key {a.Name} on {t} to {b.Name}", PostgresDdl.RenameConstraint(t, a.Name, b.Name)));
        Match(old.ForeignKeys, now.ForeignKeys, f => f.Name, (a, b) => a.SameDefinition(b),
            drop: (fk, change) => add(Phase.DropForeignKey, ChangeKind.DropForeignKey,
                Dropped("foreign key", fk.Name, t, Describe(fk), change), PostgresDdl.DropConstraint(t, fk.Name)),
            create: (fk, change) => add(Phase.AddForeignKey, ChangeKind.AddForeignKey,
                Added("foreign key", fk.Name, t, Describe(fk), change), PostgresDdl.AddConstraint(t, PostgresDdl.ForeignKeyClause(fk))),
            rename: (a, b) => add(Phase.RenameObject, ChangeKind.RenameConstraint, $"rename foreign key {a.Name} on {t} to {b.Name}", PostgresDdl.RenameConstraint(t, a.Name, b.Name)));
        Match(old.UniqueConstraints, now.UniqueConstraints, u => u.Name, (a, b) => a.SameDefinition(b),
            drop: (u, change) => add(Phase.DropConstraint, ChangeKind.DropUniqueConstraint,
                Dropped("unique constraint", u.Name, t, Describe(u), change), PostgresDdl.DropConstraint(t, u.Name)),
            create: (u, change) => add(Phase.AddConstraint, ChangeKind.AddUniqueConstraint,
                Added("unique constraint", u.Name, t, Describe(u), change), PostgresDdl.AddConstraint(t, PostgresDdl.UniqueClause(u))),
            rename: (a, b) => add(Phase.RenameObject, ChangeKind.RenameConstraint, $"rename unique constraint {a.Name} on {t} to {b.Name}", PostgresDdl.RenameConstraint(t, a.Name, b.Name)));
        Match(old.CheckConstraints, now.CheckConstraints, c => c.Name, (a, b) => a.SameDefinition(b),
            drop: (c, change) => add(Phase.DropConstraint, ChangeKind.DropCheckConstraint,
                Dropped("check constraint", c.Name, t, Describe(c), change), PostgresDdl.DropConstraint(t, c.Name)),
            create: (c, change) => add(Phase.AddConstraint, ChangeKind.AddCheckConstraint,
                Added("check constraint", c.Name, t, Describe(c), change), PostgresDdl.AddConstraint(t, PostgresDdl.CheckClause(c))),
            rename: (a, b) => add(Phase.RenameObject, ChangeKind.RenameConstraint, $"rename check constraint {a.Name} on {t} to {b.Name}", PostgresDdl.RenameConstraint(t, a.Name, b.Name)));
        Match(old.Indexes, now.Indexes, i => i.Name, (a, b) => a.SameDefinition(b),
            drop: (index, change) => add(Phase.DropConstraint, ChangeKind.DropIndex,
                Dropped("index", index.Name, t, Describe(index), change), PostgresDdl.DropIndex(index.Name)),
            create: (index, change) => add(Phase.AddConstraint, ChangeKind.AddIndex,
                Added("index", index.Name, t, Describe(index), change), PostgresDdl.CreateIndex(t, index)),
            rename: (a, b) => add(Phase.RenameObject, ChangeKind.RenameIndex, $"rename index {a.Name} on {t} to {b.Name}", PostgresDdl.RenameIndex(a.Name, b.Name)));
    }

    private static void AddColumn(string table, ColumnSnapshot column, AddStep add)
    {
        var description = $"add column {table}.{column.Name} ({column.Type}{(column.Nullable ? "" : " NOT NULL")})";
        var zero = column.Nullable || column.Identity || column.DefaultSql is not null ? null : PostgresTypes.ZeroLiteral(column.Type);
        if (zero is null)
        {
            add(Phase.AddColumn, ChangeKind.AddColumn, description, PostgresDdl.AddColumn(table, column));
            return;
        }
        // A NOT NULL column without a default cannot be added to a table with rows: fill them with the
        // property type's default value, then drop the default again (the model declares none).
        var filled = new ColumnSnapshot(column.Name, column.Type, column.Nullable, column.Identity, zero);
        add(Phase.AddColumn, ChangeKind.AddColumn, description,
            $"-- Rows already in {table} get {zero} in {column.Name}; change the value here if they need another.\n" + PostgresDdl.AddColumn(table, filled),
            PostgresDdl.DropDefault(table, column.Name));
    }

    private static void AlterColumn(string table, ColumnSnapshot old, ColumnSnapshot now, AddStep add)
    {
        var c = now.Name;
        var parts = new List<string>();
        var statements = new List<string>();
        var typeChanged = old.Type != now.Type;
        var defaultChanged = old.DefaultSql != now.DefaultSql;
        if (old.Identity && !now.Identity)
        {
            parts.Add("identity dropped");
            statements.Add(PostgresDdl.DropIdentity(table, c));
        }
        // The old default may not convert to the new type: drop it first, set the new one after.
        if (old.DefaultSql is not null && (defaultChanged || typeChanged))
            statements.Add(PostgresDdl.DropDefault(table, c));
        if (typeChanged)
        {
            var oldLength = PostgresTypes.VarcharLength(old.Type);
            var newLength = PostgresTypes.VarcharLength(now.Type);
            parts.Add(oldLength is not null && newLength is not null ? $"length {oldLength} -> {newLength}" : $"type {old.Type} -> {now.Type}");
            statements.Add(PostgresDdl.AlterType(table, c, now.Type, usingCast: !PostgresTypes.ConvertsImplicitly(old.Type, now.Type)));
        }
        if (defaultChanged)
            parts.Add($"default {old.DefaultSql ?? "none"} -> {now.DefaultSql ?? "none"}");
        if (now.DefaultSql is not null && (defaultChanged || typeChanged))
            statements.Add(PostgresDdl.SetDefault(table, c, now.DefaultSql));
        if (old.Nullable && !now.Nullable)
        {
            parts.Add("nullable -> NOT NULL");
            var fill = now.DefaultSql ?? PostgresTypes.ZeroLiteral(now.Type);
            if (fill is not null && !now.Identity)
                statements.Add($"-- Rows where {table}.{c} is NULL get {fill}; change the value here if they need another.\n" + PostgresDdl.FillNulls(table, c, fill));
            statements.Add(PostgresDdl.SetNotNull(table, c));
        }
        else if (!old.Nullable && now.Nullable)
        {
            parts.Add("NOT NULL -> nullable");
            statements.Add(PostgresDdl.DropNotNull(table, c));
        }
        if (!old.Identity && now.Identity)
        {
            parts.Add("identity added");
            statements.Add(PostgresDdl.AddIdentity(table, c));
            statements.Add(PostgresDdl.SyncIdentity(table, c));
        }
        if (parts.Count > 0)
            add(Phase.AlterColumn, ChangeKind.AlterColumn, $"alter column {table}.{c}: {string.Join(", ", parts)}", statements.ToArray());
    }

    /// <summary>
    /// Pairs named objects: same name and definition is no change; same name, other definition is a drop and
    /// an add; an unpaired old and new with the same definition is a rename; the rest are drops and adds.
    /// </summary>
    private static void Match<T>(IReadOnlyList<T> olds, IReadOnlyList<T> news, Func<T, string> name, Func<T, T, bool> same,
        Action<T, T?> drop, Action<T, T?> create, Action<T, T> rename) where T : class
    {
        var unmatchedOld = new List<T>();
        var unmatchedNew = news.Where(n => !olds.Any(o => name(o) == name(n))).ToList();
        foreach (var o in olds)
        {
            var n = news.FirstOrDefault(x => name(x) == name(o));
            if (n is null)
                unmatchedOld.Add(o);
            else if (!same(o, n))
            {
                drop(o, n);
                create(n, o);
            }
        }
        foreach (var o in unmatchedOld)
        {
            var n = unmatchedNew.FirstOrDefault(x => same(o, x));
            if (n is null)
                drop(o, null);
            else
            {
                unmatchedNew.Remove(n);
                rename(o, n);
            }
        }
        foreach (var n in unmatchedNew)
            create(n, null);
    }

    private static IReadOnlyList<T> Single<T>(T? item) where T : class => item is null ? Array.Empty<T>() : new[] { item };

    private static string Dropped(string what, string name, string table, string definition, object? replacement)
        => replacement is null ? $"drop {what} {name} on {table}" : $"change {what} {name} on {table}: was {definition}";

    private static string Added(string what, string name, string table, string definition, object? replaced)
        => replaced is null ? $"add {what} {name} on {table} {definition}" : $"change {what} {name} on {table}: now {definition}";

    private static string Describe(PrimaryKeySnapshot key) => $"({string.Join(", ", key.Columns)})";

    private static string Describe(ForeignKeySnapshot fk)
        => $"({string.Join(", ", fk.Columns)}) -> {fk.ReferencedTable} ({string.Join(", ", fk.ReferencedColumns)}) ON DELETE {fk.OnDelete}";

    private static string Describe(IndexSnapshot index) => $"{(index.Unique ? "unique " : "")}({string.Join(", ", index.Columns)})";

    private static string Describe(UniqueConstraintSnapshot unique) => $"({string.Join(", ", unique.Columns)})";

    private static string Describe(CheckConstraintSnapshot check) => $"CHECK ({check.Sql})";

    /// <summary>The old snapshot as it is after the confirmed renames: tables and columns renamed, references followed.</summary>
    private static SchemaSnapshot ApplyRenames(SchemaSnapshot from, SchemaRenames renames)
    {
        if (renames.IsEmpty)
            return from;
        return new SchemaSnapshot(from.Tables.Select(table =>
        {
            var name = renames.NewTableName(table.Name);
            Func<string, string> column = c => renames.NewColumnName(name, c);
            return new TableSnapshot(
                name,
                table.Columns.Select(c => c.WithName(column(c.Name))),
                table.PrimaryKey?.With(table.PrimaryKey.Name, table.PrimaryKey.Columns.Select(column)),
                table.ForeignKeys.Select(fk =>
                {
                    var target = renames.NewTableName(fk.ReferencedTable);
                    return fk.With(fk.Name, fk.Columns.Select(column), target, fk.ReferencedColumns.Select(c => renames.NewColumnName(target, c)));
                }),
                table.Indexes.Select(i => i.With(i.Name, i.Columns.Select(column))),
                table.UniqueConstraints.Select(u => u.With(u.Name, u.Columns.Select(column))),
                table.CheckConstraints,
                table.Distribution?.Renamed(column, renames.NewTableName));
        }));
    }

    private static void Validate(SchemaSnapshot from, SchemaSnapshot to, SchemaRenames renames)
    {
        foreach (var pair in renames.Tables)
        {
            if (from.FindTable(pair.Key) is null)
                throw new ArgumentException($"Cannot rename table '{pair.Key}': the previous snapshot has no such table.");
            if (to.FindTable(pair.Key) is not null)
                throw new ArgumentException($"Cannot rename table '{pair.Key}': the models still have it.");
            if (to.FindTable(pair.Value) is null)
                throw new ArgumentException($"Cannot rename table '{pair.Key}' to '{pair.Value}': the models have no table '{pair.Value}'.");
            if (from.FindTable(pair.Value) is not null)
                throw new ArgumentException($"Cannot rename table '{pair.Key}' to '{pair.Value}': the previous snapshot has '{pair.Value}' already.");
        }
        foreach (var pair in renames.Columns)
        {
            var (table, oldColumn) = pair.Key;
            var now = to.FindTable(table) ?? throw new ArgumentException($"Cannot rename column '{table}.{oldColumn}': the models have no table '{table}'.");
            var before = from.FindTable(renames.OldTableName(table))
                ?? throw new ArgumentException($"Cannot rename column '{table}.{oldColumn}': the previous snapshot has no table '{renames.OldTableName(table)}'.");
            if (before.FindColumn(oldColumn) is null)
                throw new ArgumentException($"Cannot rename column '{table}.{oldColumn}': the previous snapshot has no such column.");
            if (now.FindColumn(oldColumn) is not null)
                throw new ArgumentException($"Cannot rename column '{table}.{oldColumn}': the models still have it.");
            if (now.FindColumn(pair.Value) is null)
                throw new ArgumentException($"Cannot rename column '{table}.{oldColumn}' to '{pair.Value}': the models have no such column.");
            if (before.FindColumn(pair.Value) is not null)
                throw new ArgumentException($"Cannot rename column '{table}.{oldColumn}' to '{pair.Value}': the previous snapshot has '{pair.Value}' already.");
        }
    }

    /// <summary>
    /// Every dropped table with every added one (a renamed model often changes a column too, and a question is cheaper
    /// than lost rows); columns dropped and added in one table with the same type.
    /// </summary>
    private static List<RenameCandidate> Candidates(SchemaSnapshot renamed, SchemaSnapshot to, List<TableSnapshot> dropped, List<TableSnapshot> created)
    {
        var candidates = new List<RenameCandidate>();
        foreach (var old in dropped)
        {
            foreach (var now in created)
                candidates.Add(new RenameCandidate(null, old.Name, now.Name));
        }
        foreach (var now in to.Tables)
        {
            if (renamed.FindTable(now.Name) is not { } old)
                continue;
            foreach (var gone in old.Columns.Where(c => now.FindColumn(c.Name) is null))
            {
                foreach (var added in now.Columns.Where(c => old.FindColumn(c.Name) is null && c.Type == gone.Type))
                    candidates.Add(new RenameCandidate(now.Name, gone.Name, added.Name));
            }
        }
        return candidates;
    }
}
