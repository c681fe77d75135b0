using RelGen.Testing;

namespace RelGen.Tests;

/// <summary>
/// The one PostgreSQL server of the test run (or RELGEN_TEST_CONNECTION's), started when the first fixture
/// asks for it, so a run of only the generator tests needs no PostgreSQL; removed after the last test.
/// Fixtures get their databases on it through <see cref="DatabaseTest"/>.
/// </summary>
[SetUpFixture]
public sealed class PostgresSetUp
{
    static readonly object Gate = new();
    static Task<EphemeralPostgres>? server;

    /// <summary>The run's server, started on first use.</summary>
    public static Task<EphemeralPostgres> GetServerAsync()
    {
        lock (Gate)
            return server ??= StartAsync();
    }

    static async Task<EphemeralPostgres> StartAsync()
    {
        var started = await EphemeralPostgres.StartAsync();
        TestContext.Progress.WriteLine($"Integration tests use {started}.");
        return started;
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        Task<EphemeralPostgres>? running;
        lock (Gate)
        {
            running = server;
            server = null;
        }
        if (running is { IsCompletedSuccessfully: true })
            await running.Result.DisposeAsync();
        else if (running is not null)
        {
            try
            {
                await (await running).DisposeAsync();
            }
            catch (PostgresNotFoundException)
            {
                // Nothing was started.
            }
        }
    }
}
