using System.Runtime.CompilerServices;
using RelGen.Tests.Models;

namespace RelGen.Tests.Runtime;

/// <summary>
/// The SQL cache is keyed by value-free query shapes: after a query ran, nothing it used — its filter values, the entity a
/// reverse manager belongs to, the database and its data source — is kept alive by RelGen.
/// </summary>
public class RetentionTests : SchemaTest
{
    [Test]
    public void QueriesKeepNoValueEntityOrDatabaseAlive()
    {
        // Run on another thread and wait synchronously, so no frame or state machine of this test holds the objects.
        var (database, owner, filter) = Task.Run(RunQueriesAsync).GetAwaiter().GetResult();

        ForceFullCollection();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(filter.IsAlive, Is.False, "the filter value");
            Assert.That(owner.IsAlive, Is.False, "the reverse manager's owner");
            Assert.That(database.IsAlive, Is.False, "the database");
        }
    }

    // The cache is process-wide: another fixture compiling its own shapes meanwhile would change the count.
    [Test, NonParallelizable]
    public async Task SameShapeDifferentValuesCompileOnce()
    {
        // Two shapes: the first query of each compiles, every later one with new values reuses the text.
        _ = await Article.Objects(Db).Filter(a => a.Headline == "retention-a" & a.Reporter.FirstName.StartsWith("x")).CountAsync();
        var before = RelGen.Sql.QueryCache.Count;
        for (var i = 0; i < 20; i++)
            _ = await Article.Objects(Db).Filter(a => a.Headline == "retention-" + i & a.Reporter.FirstName.StartsWith("y" + i)).CountAsync();
        Assert.That(RelGen.Sql.QueryCache.Count, Is.EqualTo(before));
    }

    /// <summary>Runs a reverse-manager query with a large filter value on a database of its own; returns weak references to all three.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task<(WeakReference Database, WeakReference Owner, WeakReference Filter)> RunQueriesAsync()
    {
        var database = RelGenDatabase.Create(ConnectionString);
        var reporter = new Reporter { FirstName = "Keep", LastName = "Nothing", Email = "k@example.com" };
        await database.SaveAsync(reporter);
        var filter = new string('r', 10 * 1024 * 1024);
        _ = await reporter.ArticleSet.Filter(a => a.Headline != filter).ToListAsync();
        _ = await reporter.ArticleSet.Filter(a => a.Headline.StartsWith(filter)).CountAsync();
        _ = Article.Objects(database).Filter(a => a.Reporter == reporter).ToSql();
        await database.DisposeAsync();
        return (new WeakReference(database), new WeakReference(reporter), new WeakReference(filter));
    }

    private static void ForceFullCollection()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
    }
}
