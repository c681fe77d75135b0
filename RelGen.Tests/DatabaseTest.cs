using Npgsql;

namespace RelGen.Tests;

/// <summary>
/// Base class of integration-test fixtures: each fixture gets a fresh, empty database of its own
/// on the run's server, so fixtures can run in parallel without seeing each other's rows.
/// </summary>
public abstract class DatabaseTest
{
    string? connectionString;

    /// <summary>The connection string of this fixture's database.</summary>
    protected string ConnectionString =>
        connectionString ?? throw new InvalidOperationException("The fixture's database is created in OneTimeSetUp; it does not exist yet.");

    [OneTimeSetUp]
    public async Task CreateFixtureDatabaseAsync() =>
        connectionString = await (await PostgresSetUp.GetServerAsync()).CreateDatabaseAsync();

    /// <summary>
    /// The database stays until the server goes, but its idle pooled connections would otherwise
    /// stay open for minutes, one backend each, and many fixtures would exhaust max_connections.
    /// </summary>
    [OneTimeTearDown]
    public void ReleaseFixtureConnections()
    {
        if (connectionString is null)
            return;
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }
}
