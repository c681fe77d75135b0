using RelGen.Tests.Support;

namespace RelGen.Tests;

/// <summary>
/// A fixture with its own database whose tables are created once: <see cref="Db"/> logs into
/// <see cref="Sql"/>, so tests can read the SQL sent and count round trips.
/// </summary>
public abstract class SchemaTest : DatabaseTest
{
    protected RelGenDatabase Db { get; private set; } = null!;

    protected SqlCapture Sql { get; } = new();

    [OneTimeSetUp]
    public async Task CreateTablesAsync()
    {
        Db = RelGenDatabase.Create(ConnectionString, Sql);
        await Db.CreateTablesAsync();
    }

    [OneTimeTearDown]
    public async Task DisposeDatabaseAsync() => await Db.DisposeAsync();
}
