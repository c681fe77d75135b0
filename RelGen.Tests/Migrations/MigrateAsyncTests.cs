using System.Security.Cryptography;
using System.Text;
using RelGen.Metadata;
using RelGen.Tests.Support;

namespace RelGen.Tests.Migrations;

/// <summary>MigrateAsync's bookkeeping: history and checksums, edited migrations, rollback to a target, failures.</summary>
public sealed class MigrateAsyncTests : MigrationTest
{
    static MigrationDescriptor Table(string name, string table, bool down = true)
        => new(name, $"CREATE TABLE {table} (id integer PRIMARY KEY);", down ? $"DROP TABLE {table};" : null);

    [Test]
    public async Task AppliesPendingMigrationsInNameOrderAndRecordsThemOnce()
    {
        var connectionString = await NewSchemaAsync("history");
        await using var db = RelGenDatabase.Create(connectionString);
        // Given out of order: the name decides.
        MigrationDescriptor[] migrations = [Table("20250101000002_B", "b_table"), new("20250101000001_A", "CREATE TABLE a_table (id integer PRIMARY KEY);\r\nINSERT INTO a_table VALUES (1);", null)];

        var first = await db.RunMigrationsAsync(migrations, null, CancellationToken.None);
        var second = await db.RunMigrationsAsync(migrations, null, CancellationToken.None);

        var history = await HistoryAsync(connectionString);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Applied, Is.EqualTo(new[] { "20250101000001_A", "20250101000002_B" }));
            Assert.That(second.Applied, Is.Empty);
            Assert.That(history.Select(h => h.Name), Is.EqualTo(new[] { "20250101000001_A", "20250101000002_B" }));
            // SHA-256 of the up SQL with \n line ends, so a Windows checkout does not look edited.
            var expected = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("CREATE TABLE a_table (id integer PRIMARY KEY);\nINSERT INTO a_table VALUES (1);"))).ToLowerInvariant();
            Assert.That(history[0].Checksum, Is.EqualTo(expected));
            Assert.That(await ScalarAsync<long>(connectionString, "SELECT count(*) FROM a_table"), Is.EqualTo(1), "applied once");
            Assert.That(await ScalarAsync<bool>(connectionString, "SELECT bool_and(applied_at > now() - interval '1 hour') FROM relgen_migrations"), Is.True);
        }
    }

    [Test]
    public async Task AMigrationThatSortsBeforeAppliedOnesIsStillApplied()
    {
        var connectionString = await NewSchemaAsync("merged");
        await using var db = RelGenDatabase.Create(connectionString);
        await db.RunMigrationsAsync([Table("20250101000001_A", "a_table"), Table("20250101000003_C", "c_table")], null, CancellationToken.None);

        // A branch merged later brings B, dated between them.
        var result = await db.RunMigrationsAsync([Table("20250101000001_A", "a_table"), Table("20250101000002_B", "b_table"), Table("20250101000003_C", "c_table")], null, CancellationToken.None);

        Assert.That(result.Applied, Is.EqualTo(new[] { "20250101000002_B" }));
        Assert.That(await TableExistsAsync(connectionString, "b_table"), Is.True);
    }

    [Test]
    public async Task AnEditedAppliedMigrationIsRefusedNamingItAndNothingIsApplied()
    {
        var connectionString = await NewSchemaAsync("edited");
        await using var db = RelGenDatabase.Create(connectionString);
        await db.RunMigrationsAsync([Table("20250101000001_A", "a_table")], null, CancellationToken.None);
        var before = await HistoryAsync(connectionString);

        MigrationDescriptor edited = new("20250101000001_A", "CREATE TABLE a_table (id bigint PRIMARY KEY);", "DROP TABLE a_table;");
        var error = Assert.ThrowsAsync<MigrationChecksumException>(() =>
            db.RunMigrationsAsync([edited, Table("20250101000002_B", "b_table")], null, CancellationToken.None))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Migration, Is.EqualTo("20250101000001_A"));
            Assert.That(error.AppliedChecksum, Is.EqualTo(before[0].Checksum));
            Assert.That(error.CurrentChecksum, Is.EqualTo(edited.Checksum));
            Assert.That(error.Message, Does.StartWith("Migration 20250101000001_A was edited after it was applied"));
            Assert.That(await TableExistsAsync(connectionString, "b_table"), Is.False, "the pending migration was not applied");
            Assert.That(await HistoryAsync(connectionString), Is.EqualTo(before));
        }
        // Rolling back is refused the same way: the down SQL of an edited file cannot be trusted either.
        Assert.ThrowsAsync<MigrationChecksumException>(() => db.RunMigrationsAsync([edited], "0", CancellationToken.None));
        Assert.That(await TableExistsAsync(connectionString, "a_table"), Is.True);
    }

    [Test]
    public async Task RollsBackToATargetLatestFirstThenForwardAgain()
    {
        var connectionString = await NewSchemaAsync("rollback");
        var sql = new SqlCapture();
        await using var db = RelGenDatabase.Create(connectionString, sql);
        MigrationDescriptor[] migrations = [Table("20250101000001_A", "a_table"), Table("20250101000002_B", "b_table"),
            new("20250101000003_C", "ALTER TABLE b_table ADD COLUMN note text;", "ALTER TABLE b_table DROP COLUMN note;")];
        await db.RunMigrationsAsync(migrations, null, CancellationToken.None);
        sql.Clear();

        var back = await db.RunMigrationsAsync(migrations, "20250101000001_A", CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(back.RolledBack, Is.EqualTo(new[] { "20250101000003_C", "20250101000002_B" }));
            Assert.That(back.Applied, Is.Empty);
            Assert.That(await TableExistsAsync(connectionString, "b_table"), Is.False);
            Assert.That(await TableExistsAsync(connectionString, "a_table"), Is.True);
            Assert.That((await HistoryAsync(connectionString)).Select(h => h.Name), Is.EqualTo(new[] { "20250101000001_A" }));
            // C's down ran before B's: the column goes before its table.
            Assert.That(sql.Commands.Where(c => c.StartsWith("ALTER TABLE", StringComparison.Ordinal) || c.StartsWith("DROP TABLE", StringComparison.Ordinal)),
                Is.EqualTo(new[] { "ALTER TABLE b_table DROP COLUMN note;", "DROP TABLE b_table;" }));
        }

        var forward = await db.RunMigrationsAsync(migrations, "20250101000002_B", CancellationToken.None);
        Assert.That(forward.Applied, Is.EqualTo(new[] { "20250101000002_B" }), "a target ahead applies up to it, not past it");
        var none = await db.RunMigrationsAsync(migrations, "0", CancellationToken.None);
        Assert.That(none.RolledBack, Is.EqualTo(new[] { "20250101000002_B", "20250101000001_A" }));
        Assert.That(await HistoryAsync(connectionString), Is.Empty);
        Assert.That(await TableExistsAsync(connectionString, "a_table"), Is.False);
    }

    [Test]
    public async Task ARollbackThatNeedsAMissingDownIsRefusedBeforeAnythingIsUndone()
    {
        var connectionString = await NewSchemaAsync("nodown");
        await using var db = RelGenDatabase.Create(connectionString);
        MigrationDescriptor[] migrations = [Table("20250101000001_A", "a_table"), Table("20250101000002_B", "b_table", down: false), Table("20250101000003_C", "c_table")];
        await db.RunMigrationsAsync(migrations, null, CancellationToken.None);

        var error = Assert.ThrowsAsync<MigrationDownMissingException>(() => db.RunMigrationsAsync(migrations, "20250101000001_A", CancellationToken.None))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Migration, Is.EqualTo("20250101000002_B"));
            Assert.That(error.Target, Is.EqualTo("20250101000001_A"));
            Assert.That(error.Message, Does.Contain("has no down section"));
            Assert.That(await TableExistsAsync(connectionString, "c_table"), Is.True, "C, whose down exists, was not rolled back either");
            Assert.That((await HistoryAsync(connectionString)).Count, Is.EqualTo(3));
        }
        // Rolling back to B itself needs only C's down.
        Assert.That((await db.RunMigrationsAsync(migrations, "20250101000002_B", CancellationToken.None)).RolledBack, Is.EqualTo(new[] { "20250101000003_C" }));
    }

    [Test]
    public async Task UnknownTargetsAndUnknownAppliedMigrationsAreTypedErrors()
    {
        var connectionString = await NewSchemaAsync("unknown");
        await using var db = RelGenDatabase.Create(connectionString);
        await db.RunMigrationsAsync([Table("20250101000001_A", "a_table"), Table("20250101000002_B", "b_table")], null, CancellationToken.None);

        var unknownTarget = Assert.ThrowsAsync<MigrationNotFoundException>(() => db.RunMigrationsAsync([Table("20250101000001_A", "a_table")], "20240101000000_Nope", CancellationToken.None))!;
        Assert.That(unknownTarget.Migration, Is.EqualTo("20240101000000_Nope"));
        Assert.That(unknownTarget.Message, Does.Contain("No migration named 20240101000000_Nope"));

        // B is applied but this build does not know it: forward it is left alone, a rollback past it is refused.
        Assert.That((await db.RunMigrationsAsync([Table("20250101000001_A", "a_table")], null, CancellationToken.None)).Applied, Is.Empty);
        var unknownApplied = Assert.ThrowsAsync<MigrationNotFoundException>(() => db.RunMigrationsAsync([Table("20250101000001_A", "a_table")], "0", CancellationToken.None))!;
        Assert.That(unknownApplied.Migration, Is.EqualTo("20250101000002_B"));
        Assert.That(await TableExistsAsync(connectionString, "a_table"), Is.True);
    }

    [Test]
    public async Task AFailingMigrationIsRolledBackWholeWithItsSqlState()
    {
        var connectionString = await NewSchemaAsync("failing");
        await using var db = RelGenDatabase.Create(connectionString);
        MigrationDescriptor broken = new("20250101000002_Broken", "CREATE TABLE half_done (id integer);\nINSERT INTO half_done VALUES (1);\nALTER TABLE no_such_table ADD COLUMN x integer;", null);

        var error = Assert.ThrowsAsync<MigrationFailedException>(() =>
            db.RunMigrationsAsync([Table("20250101000001_A", "a_table"), broken, Table("20250101000003_C", "c_table")], null, CancellationToken.None))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Migration, Is.EqualTo("20250101000002_Broken"));
            Assert.That(error.SqlState, Is.EqualTo("42P01"));
            Assert.That(error.RollingBack, Is.False);
            Assert.That(error.Message, Does.StartWith("Migration 20250101000002_Broken failed (up SQL): 42P01"));
            Assert.That(await TableExistsAsync(connectionString, "half_done"), Is.False, "its first statements were rolled back with it");
            Assert.That(await TableExistsAsync(connectionString, "c_table"), Is.False, "nothing after it ran");
            Assert.That((await HistoryAsync(connectionString)).Select(h => h.Name), Is.EqualTo(new[] { "20250101000001_A" }), "the one before stays applied");
        }
    }

    [Test]
    public async Task ASearchPathWithoutAnExistingSchemaIsATypedError()
    {
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = "no_such_schema", Pooling = false }.ConnectionString;
        await using var db = RelGenDatabase.Create(connectionString);
        var error = Assert.ThrowsAsync<MigrationFailedException>(() => db.RunMigrationsAsync([Table("20250101000001_A", "a_table")], null, CancellationToken.None))!;
        Assert.That(error.Migration, Is.Null);
        Assert.That(error.SqlState, Is.EqualTo("3F000"), "no schema has been selected to create in");
    }

    [Test]
    public async Task ThePublicMigrateAsyncUsesTheRegistry()
    {
        // Names no other test registers; the registry is process-wide, as in an application.
        MigrationDescriptor[] mine = [
            new("20200101000001_RegistryTestA", "CREATE TABLE registry_test_a (id integer);", "DROP TABLE registry_test_a;"),
            new("20200101000002_RegistryTestB", "CREATE TABLE registry_test_b (id integer);", "DROP TABLE registry_test_b;")];
        MigrationRegistry.Register(mine);
        MigrationRegistry.Register(mine[0]);   // again: harmless, as when two module initializers share a file
        Assert.That(MigrationRegistry.All().Select(m => m.Name), Is.SupersetOf(mine.Select(m => m.Name)));
        Assert.That(() => MigrationRegistry.Register(new MigrationDescriptor("20200101000001_RegistryTestA", "SELECT 1;", null)),
            Throws.InvalidOperationException.With.Message.Contains("20200101000001_RegistryTestA"));

        var connectionString = await NewSchemaAsync("registry");
        await using var db = RelGenDatabase.Create(connectionString);
        var result = await db.MigrateAsync();
        Assert.That(result.Applied, Is.SupersetOf(mine.Select(m => m.Name)));
        Assert.That(await TableExistsAsync(connectionString, "registry_test_b"), Is.True);

        var back = await db.MigrateAsync("20200101000001_RegistryTestA");
        Assert.That(back.RolledBack, Does.Contain("20200101000002_RegistryTestB"));
        Assert.That(await TableExistsAsync(connectionString, "registry_test_b"), Is.False);
        Assert.That(await TableExistsAsync(connectionString, "registry_test_a"), Is.True);
    }
}
