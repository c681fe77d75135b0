using RelGen.Testing;

namespace RelGen.Tests;

/// <summary>
/// Starts the one PostgreSQL server of the test run (or takes RELGEN_TEST_CONNECTION's) before any
/// test and removes it after the last; fixtures get their databases on it through <see cref="DatabaseTest"/>.
/// </summary>
[SetUpFixture]
public sealed class PostgresSetUp
{
    static EphemeralPostgres? server;

    /// <summary>The run's server.</summary>
    public static EphemeralPostgres Server =>
        server ?? throw new InvalidOperationException("The test run's PostgreSQL server is not running (PostgresSetUp has not run or failed).");

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        server = await EphemeralPostgres.StartAsync();
        TestContext.Progress.WriteLine($"Integration tests use {server}.");
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        if (server is not null)
            await server.DisposeAsync();
        server = null;
    }
}
