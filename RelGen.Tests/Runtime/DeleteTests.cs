using Npgsql;
using RelGen.Tests.Models;

namespace RelGen.Tests.Runtime;

/// <summary>Cascade deletes: counts per model, atomicity, key reset, and a concurrent child insert.</summary>
public sealed class DeleteTests : SchemaTest
{
    private async Task<Reporter> ReporterWithArticlesAsync(string name, int articles)
    {
        var reporter = new Reporter { FirstName = name, LastName = "Smith" };
        await Db.SaveAsync(reporter);
        for (var i = 0; i < articles; i++)
            await reporter.ArticleSet.CreateAsync(headline: $"{name} {i}", pubDate: new DateOnly(2020, 1, 1));
        return reporter;
    }

    [Test]
    public async Task DeletingAReporterCascadesToItsArticles()
    {
        var reporter = await ReporterWithArticlesAsync("Cascade", 3);
        var keep = await ReporterWithArticlesAsync("Keep", 1);
        var result = await Db.DeleteAsync(reporter);
        Assert.That(result.Total, Is.EqualTo(4));
        Assert.That(result.PerModel, Is.EquivalentTo(new Dictionary<string, int> { ["Reporter"] = 1, ["Article"] = 3 }));
        Assert.That(reporter.Id, Is.Zero);
        Assert.That(await Article.Objects(Db).Filter(a => a.Headline.StartsWith("Cascade")).CountAsync(), Is.Zero);
        Assert.That(await keep.ArticleSet.CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task DeletingNothingReturnsZero()
    {
        var result = await Reporter.Objects(Db).Filter(r => r.FirstName == "Nobody at all").DeleteAsync();
        Assert.That(result.Total, Is.Zero);
        Assert.That(result.PerModel, Is.Empty);
    }

    [Test]
    public void DeletingAnUnsavedObjectThrows()
        => Assert.ThrowsAsync<InvalidOperationException>(() => Db.DeleteAsync(new Reporter { FirstName = "Never saved" }));

    [Test]
    public async Task AChildInsertedConcurrentlyIsDeletedToo()
    {
        var reporter = await ReporterWithArticlesAsync("Racing", 1);
        // Another session inserts a child and holds its transaction open while the delete starts.
        await using var other = new NpgsqlConnection(ConnectionString);
        await other.OpenAsync();
        await using var otherTx = await other.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO article (headline, pub_date, reporter_id) VALUES ('Racing late', '2020-01-02', $1)", other, otherTx))
        {
            insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = reporter.Id });
            await insert.ExecuteNonQueryAsync();
        }
        var delete = Db.DeleteAsync(reporter);
        await Task.Delay(300);
        Assert.That(delete.IsCompleted, Is.False, "the delete waits for the inserting transaction");
        await otherTx.CommitAsync();
        var result = await delete;
        Assert.That(result.PerModel["Article"], Is.EqualTo(2));
        Assert.That(await Article.Objects(Db).Filter(a => a.Headline.StartsWith("Racing")).CountAsync(), Is.Zero, "no orphan is left");
    }

    [Test]
    public async Task AQuerySetDeleteThroughAJoinIsAtomicAndCounts()
    {
        await ReporterWithArticlesAsync("JoinA", 2);
        await ReporterWithArticlesAsync("JoinB", 1);
        var result = await Reporter.Objects(Db).Filter(r => r.Article.Headline.StartsWith("Join")).DeleteAsync();
        Assert.That(result.PerModel, Is.EquivalentTo(new Dictionary<string, int> { ["Reporter"] = 2, ["Article"] = 3 }));
    }

    [Test]
    public async Task ACascadeTreeIsDeletedInOneRoundTrip()
    {
        var reporter = await ReporterWithArticlesAsync("Batch", 2);
        Sql.Clear();
        var result = await Db.DeleteAsync(reporter);
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(result.Total, Is.EqualTo(3));
    }
}
