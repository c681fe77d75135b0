using Npgsql;
using RelGen.Tests.Integrity.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Integrity;

/// <summary>
/// A server with no connection slot left refuses the session with SQLSTATE 53300 (too many connections): RelGen reports it
/// as <see cref="CannotConnectException"/> carrying that SQLSTATE, transient, with nothing sent, and the same handle works
/// once a slot is free (README, "Errors" and "Pool sizes"). The limit is a role's or a database's <c>CONNECTION LIMIT</c>,
/// which PostgreSQL enforces for roles that are not superusers, so the test connects as a role of its own.
/// </summary>
public sealed class ConnectionLimitTests : SchemaTest
{
    private const string Password = "relgen-limited";

    private string role = "";

    private string DatabaseName => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    /// <summary>The role's connection string; pooling off for the connection the test holds, so closing it frees the slot.</summary>
    private string AsRole(bool pooling) => new NpgsqlConnectionStringBuilder(ConnectionString)
    {
        Username = role,
        Password = Password,
        ApplicationName = role,
        Pooling = pooling,
    }.ConnectionString;

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [SetUp]
    public async Task CreateRoleAsync()
    {
        var mayCreateRoles = await Backends.ScalarAsync<bool>(ConnectionString, "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user");
        if (!mayCreateRoles)
            Assert.Ignore("The test server's user may not create roles; run against the tests' own server (no RELGEN_TEST_CONNECTION) or give it CREATEROLE.");
        // Roles belong to the whole server, which fixtures share: the name is this test's own.
        role = "relgen_limited_" + Guid.NewGuid().ToString("N")[..12];
        await AdminAsync($"CREATE ROLE {role} LOGIN PASSWORD '{Password}'; GRANT SELECT ON integrity_counter TO {role}");
        await TableReset.TruncateAsync(ConnectionString, "integrity_");
        await Db.SaveAsync(new Counter { Name = "one" });
    }

    [TearDown]
    public async Task DropRoleAsync()
    {
        if (role.Length == 0)
            return;
        NpgsqlConnection.ClearPool(new NpgsqlConnection(AsRole(pooling: true)));
        await AdminAsync($"ALTER DATABASE \"{DatabaseName}\" CONNECTION LIMIT -1; DROP OWNED BY {role}; DROP ROLE {role}");
        role = "";
    }

    [Test]
    public async Task NoSlotLeftForTheRoleIsCannotConnectWith53300()
    {
        await AdminAsync($"ALTER ROLE {role} CONNECTION LIMIT 1");
        await using (var held = new NpgsqlConnection(AsRole(pooling: false)))
        {
            await held.OpenAsync();   // the role's one slot
            await AssertRefusedThenServedAsync(liftLimit: () => AdminAsync($"ALTER ROLE {role} CONNECTION LIMIT -1"), "for role");
        }
    }

    [Test]
    public async Task NoSlotLeftInTheDatabaseIsCannotConnectWith53300()
    {
        // The administrator's own connection fills the one slot (superusers are counted, though never refused).
        await using var admin = new NpgsqlConnection(ConnectionString);
        await admin.OpenAsync();
        await using (var command = new NpgsqlCommand($"ALTER DATABASE \"{DatabaseName}\" CONNECTION LIMIT 1", admin))
            await command.ExecuteNonQueryAsync();
        await AssertRefusedThenServedAsync(liftLimit: () => AdminAsync($"ALTER DATABASE \"{DatabaseName}\" CONNECTION LIMIT -1"), "for database");
    }

    private async Task AssertRefusedThenServedAsync(Func<Task> liftLimit, string refusedFor)
    {
        var sql = new SqlCapture();
        await using var limited = RelGenDatabase.Create(AsRole(pooling: true), sql);

        var error = Assert.ThrowsAsync<CannotConnectException>(() => Counter.Objects(limited).CountAsync());
        Assert.That(error!.SqlState, Is.EqualTo("53300"));
        Assert.That(error.IsTransient, Is.True);
        Assert.That(error.Model, Is.EqualTo("Counter"));
        Assert.That(error.Operation, Is.EqualTo(DatabaseOperation.Query));
        Assert.That(error.InnerException, Is.InstanceOf<PostgresException>()
            .With.Property(nameof(PostgresException.MessageText)).Contains("too many connections " + refusedFor));
        Assert.That(sql.Count, Is.Zero, "nothing was sent");
        Assert.ThrowsAsync<CannotConnectException>(() => limited.BeginTransactionAsync());

        await liftLimit();
        Assert.That(await Counter.Objects(limited).CountAsync(), Is.EqualTo(1), "the same handle connects once a slot is free");
    }
}
