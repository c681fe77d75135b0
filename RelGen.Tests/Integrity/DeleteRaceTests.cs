using Npgsql;
using RelGen.Tests.Integrity.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Integrity;

/// <summary>
/// A cascade delete racing a second session, on every delete path: the planned batch by key and by query set (crate → item →
/// part, a pure cascade tree), and the collector by key and by query set (depot → box → widget, which a protected relation
/// also reaches). Each race ends with every row the other session touched either deleted with everything beneath it or kept
/// with everything beneath it, and the result counts every row the delete removed.
/// </summary>
public sealed class DeleteRaceTests : SchemaTest
{
    public enum DeletePath
    {
        PlanByKey,
        PlanByQuery,
        CollectorByKey,
        CollectorByQuery,
    }

    private static readonly DeletePath[] Paths = Enum.GetValues<DeletePath>();

    [SetUp]
    public async Task EmptyTablesAsync()
    {
        await TableReset.TruncateAsync(ConnectionString, "race_");
        await TableReset.TruncateAsync(ConnectionString, "vault_");
    }

    private static bool Planned(DeletePath path) => path is DeletePath.PlanByKey or DeletePath.PlanByQuery;

    /// <summary>The tables and key columns of the path's tree: root, child (and its parent column), grandchild (and its).</summary>
    private static (string Child, string ChildParent, string Grandchild, string GrandchildParent, string[] Models) Tables(DeletePath path)
        => Planned(path)
            ? ("race_item", "crate_id", "race_part", "item_id", ["RaceCrate", "RaceItem", "RacePart"])
            : ("vault_box", "depot_id", "vault_widget", "box_id", ["VaultDepot", "VaultBox", "VaultWidget"]);

    /// <summary>A root named <paramref name="name"/> with <paramref name="children"/> children of <paramref name="grandchildren"/> each.</summary>
    private async Task<(int Root, int[] Children)> TreeAsync(DeletePath path, string name, int children, int grandchildren)
    {
        var ids = new int[children];
        if (Planned(path))
        {
            var crate = new RaceCrate { Name = name };
            await Db.SaveAsync(crate);
            for (var i = 0; i < children; i++)
            {
                var item = new RaceItem { Name = $"{name}.{i}", Crate = crate };
                await Db.SaveAsync(item);
                ids[i] = item.Id;
                await Db.BulkCreateAsync(Enumerable.Range(0, grandchildren).Select(j => new RacePart { Name = $"{name}.{i}.{j}", Item = item }));
            }
            return (crate.Id, ids);
        }
        var depot = new VaultDepot { Name = name };
        await Db.SaveAsync(depot);
        for (var i = 0; i < children; i++)
        {
            var box = new VaultBox { Name = $"{name}.{i}", Depot = depot };
            await Db.SaveAsync(box);
            ids[i] = box.Id;
            await Db.BulkCreateAsync(Enumerable.Range(0, grandchildren).Select(j => new VaultWidget { Name = $"{name}.{j}", Box = box }));
        }
        return (depot.Id, ids);
    }

    private Task<DeleteResult> DeleteAsync(DeletePath path, int root, string name) => path switch
    {
        DeletePath.PlanByKey => Db.DeleteAsync(new RaceCrate { Id = root, Name = name }),
        DeletePath.PlanByQuery => RaceCrate.Objects(Db).Filter(c => c.Name == name).DeleteAsync(),
        DeletePath.CollectorByKey => Db.DeleteAsync(new VaultDepot { Id = root, Name = name }),
        _ => VaultDepot.Objects(Db).Filter(d => d.Name == name).DeleteAsync(),
    };

    private async Task<long> CountAsync(string table, string column, int parent)
        => await Backends.ScalarAsync<long>(ConnectionString, $"SELECT count(*) FROM {table} WHERE {column} = $1", parent);

    private static Dictionary<string, int> Counts(string[] models, int roots, int children, int grandchildren)
        => new() { [models[0]] = roots, [models[1]] = children, [models[2]] = grandchildren };

    [TestCaseSource(nameof(Paths))]
    public async Task AChildMovedAwayWhileTheDeleteWaitsKeepsItsChildren(DeletePath path)
    {
        var (child, childParent, grandchild, grandchildParent, models) = Tables(path);
        var (root, children) = await TreeAsync(path, "Moving", children: 2, grandchildren: 3);
        var (other, _) = await TreeAsync(path, "Elsewhere", children: 0, grandchildren: 0);

        // The other session moves a child to another root and holds its transaction open.
        await using var mover = new NpgsqlConnection(ConnectionString);
        await mover.OpenAsync();
        await using var move = await mover.BeginTransactionAsync();
        await Backends.ExecuteAsync(mover, $"UPDATE {child} SET {childParent} = $1 WHERE id = $2", other, children[0]);

        var delete = DeleteAsync(path, root, "Moving");
        await Backends.WaitUntilBlockedByAsync(ConnectionString, mover.ProcessID);
        Assert.That(delete.IsCompleted, Is.False, "the delete waits for the moving transaction");
        await move.CommitAsync();
        var result = await delete;

        Assert.That(result.PerModel, Is.EquivalentTo(Counts(models, 1, 1, 3)), "only the child that stayed, with its children");
        Assert.That(await CountAsync(child, childParent, other), Is.EqualTo(1), "the moved child is in its new root");
        Assert.That(await CountAsync(grandchild, grandchildParent, children[0]), Is.EqualTo(3), "with all of its children");
        Assert.That(await CountAsync(grandchild, grandchildParent, children[1]), Is.Zero);
    }

    [TestCaseSource(nameof(Paths))]
    public async Task AMoveRolledBackWhileTheDeleteWaitsIsDeletedWhole(DeletePath path)
    {
        var (child, childParent, grandchild, grandchildParent, models) = Tables(path);
        var (root, children) = await TreeAsync(path, "Staying", children: 2, grandchildren: 3);
        var (other, _) = await TreeAsync(path, "Elsewhere", children: 0, grandchildren: 0);

        await using var mover = new NpgsqlConnection(ConnectionString);
        await mover.OpenAsync();
        await using var move = await mover.BeginTransactionAsync();
        await Backends.ExecuteAsync(mover, $"UPDATE {child} SET {childParent} = $1 WHERE id = $2", other, children[0]);

        var delete = DeleteAsync(path, root, "Staying");
        await Backends.WaitUntilBlockedByAsync(ConnectionString, mover.ProcessID);
        await move.RollbackAsync();
        var result = await delete;

        Assert.That(result.PerModel, Is.EquivalentTo(Counts(models, 1, 2, 6)));
        Assert.That(await CountAsync(child, childParent, other), Is.Zero);
        Assert.That(await CountAsync(grandchild, grandchildParent, children[0]), Is.Zero);
    }

    [TestCaseSource(nameof(Paths))]
    public async Task AGrandchildInsertedWhileTheDeleteWaitsIsDeletedAndCounted(DeletePath path)
    {
        var (_, _, grandchild, grandchildParent, models) = Tables(path);
        var (root, children) = await TreeAsync(path, "Growing", children: 2, grandchildren: 3);

        await using var inserter = new NpgsqlConnection(ConnectionString);
        await inserter.OpenAsync();
        await using var insert = await inserter.BeginTransactionAsync();
        await Backends.ExecuteAsync(inserter, $"INSERT INTO {grandchild} (name, {grandchildParent}) VALUES ('late', $1)", children[0]);

        var delete = DeleteAsync(path, root, "Growing");
        await Backends.WaitUntilBlockedByAsync(ConnectionString, inserter.ProcessID);
        await insert.CommitAsync();
        var result = await delete;

        Assert.That(result.PerModel, Is.EquivalentTo(Counts(models, 1, 2, 7)), "the late grandchild is counted");
        Assert.That(await Backends.ScalarAsync<long>(ConnectionString, $"SELECT count(*) FROM {grandchild}"), Is.Zero, "and gone");
    }

    [TestCaseSource(nameof(Paths))]
    public async Task AGrandchildInsertedAfterTheLocksFailsCleanly(DeletePath path)
    {
        var (_, _, grandchild, grandchildParent, models) = Tables(path);
        var (root, children) = await TreeAsync(path, "Locked", children: 2, grandchildren: 1);

        // The delete holds its locks in an open transaction; another RelGen handle inserts under a child meanwhile.
        await using var other = RelGenDatabase.Create(ConnectionString);
        await using var transaction = await Db.BeginTransactionAsync();
        var result = await DeleteAsync(path, root, "Locked");
        Assert.That(result.PerModel, Is.EquivalentTo(Counts(models, 1, 2, 2)));
        var lateInsert = Planned(path)
            ? other.SaveAsync(new RacePart { Name = "late", ItemId = children[1] })
            : other.SaveAsync(new VaultWidget { Name = "late", BoxId = children[1] });
        await Backends.WaitUntilBlockedByAsync(ConnectionString, transaction.Connection.ProcessID);
        await transaction.CommitAsync();

        var error = Assert.ThrowsAsync<IntegrityException>(() => lateInsert);
        Assert.That(error!.SqlState, Is.EqualTo("23503"), "a foreign key violation");
        Assert.That(error.Model, Is.EqualTo(models[2]));
        Assert.That(error.Operation, Is.EqualTo(DatabaseOperation.Save));
        Assert.That(await Backends.ScalarAsync<long>(ConnectionString, $"SELECT count(*) FROM {grandchild} WHERE {grandchildParent} = $1", children[1]), Is.Zero);
    }

    [Test]
    public async Task APlannedDeleteIsOneCountedStatementOfTheDatabasesCascade()
    {
        var (root, _) = await TreeAsync(DeletePath.PlanByKey, "Batch", children: 2, grandchildren: 2);
        Sql.Clear();
        var result = await Db.DeleteAsync(new RaceCrate { Id = root, Name = "Batch" });
        Assert.That(result.PerModel, Is.EquivalentTo(Counts(["RaceCrate", "RaceItem", "RacePart"], 1, 2, 4)));
        Assert.That(Sql.Count, Is.EqualTo(1), "one round trip");
        var statements = Sql.Commands[0].Split(";\n");
        Assert.That(statements, Has.Length.EqualTo(2), "the counters before and the root's delete in one statement, the counters after");
        Assert.That(statements[0], Does.StartWith("WITH c AS MATERIALIZED (SELECT (pg_catalog.current_setting('track_counts')::bool AND NOT EXISTS (")
            .And.Contains("pg_catalog.pg_stat_get_xact_tuples_deleted("));
        Assert.That(statements[0], Does.Contain("d AS (DELETE FROM \"race_crate\" t0 WHERE"), "only the root is deleted explicitly: the foreign keys cascade");
        Assert.That(statements[0], Does.Not.Contain("DELETE FROM \"race_item\"").And.Not.Contain("DELETE FROM \"race_part\""));
        Assert.That(statements[1], Does.StartWith("SELECT pg_catalog.pg_stat_get_xact_tuples_deleted("));
        Assert.That(statements, Has.None.Contains("FOR UPDATE"), "one statement needs no locks to agree with another");
    }

    [Test]
    public async Task WithTrackCountsOffTheLockingPlanRunsAndCountsAlike()
    {
        // track_counts off leaves the deletion counters at zero: the counted batch then deletes nothing and the locking
        // plan runs instead, in the same operation.
        var off = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Options = "-c track_counts=off" }.ConnectionString;
        await using var untracked = RelGenDatabase.Create(off, Sql);
        var (root, _) = await TreeAsync(DeletePath.PlanByKey, "Untracked", children: 2, grandchildren: 3);
        await RaceCrate.Objects(untracked).CountAsync();   // the handle's first connection (its pooler check) before counting
        Sql.Clear();
        var result = await untracked.DeleteAsync(new RaceCrate { Id = root, Name = "Untracked" });
        Assert.That(result.PerModel, Is.EquivalentTo(Counts(["RaceCrate", "RaceItem", "RacePart"], 1, 2, 6)));
        Assert.That(Sql.Count, Is.EqualTo(2), "the counted batch, then the locking plan");
        Assert.That(Sql.Commands[1], Does.Contain("FOR UPDATE"));
        Assert.That(await Backends.ScalarAsync<long>(ConnectionString, "SELECT count(*) FROM race_crate WHERE id = $1", root), Is.Zero);

        var (second, _) = await TreeAsync(DeletePath.PlanByKey, "Untracked2", children: 1, grandchildren: 1);
        Sql.Clear();
        result = await untracked.DeleteAsync(new RaceCrate { Id = second, Name = "Untracked2" });
        Assert.That(result.Total, Is.EqualTo(3));
        Assert.That(Sql.Count, Is.EqualTo(1), "the handle remembers: the locking plan at once");
    }
}
