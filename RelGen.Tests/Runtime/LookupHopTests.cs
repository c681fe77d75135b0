using RelGen.Query;
using RelGen.Tests.Models;

namespace RelGen.Tests.Runtime;

/// <summary>
/// A lookup makes each relation hop once (<c>r.Article</c>, <c>a.Reporter</c>) and every later query walks the same one:
/// the hop holds only a path, so queries with different values and threads racing on a new hop get the right rows.
/// </summary>
public sealed class LookupHopTests : SchemaTest
{
    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        var day = new DateOnly(2024, 5, 1);
        foreach (var (name, articles) in new[] { ("Hop-A", 1), ("Hop-B", 2), ("Hop-C", 3) })
        {
            var reporter = new Reporter { FirstName = name, LastName = name + "-last" };
            await Db.SaveAsync(reporter);
            for (var i = 0; i < articles; i++)
                await reporter.ArticleSet.CreateAsync(headline: $"{name} headline {i}", pubDate: day);
        }
    }

    [Test]
    public async Task AHopIsMadeOnceAndServesQueriesWithOtherValues()
    {
        ModelLookup? first = null, second = null;
        var a = await Reporter.Objects(Db).Filter(r => { first = r.Article; return r.Article.Headline.StartsWith("Hop-A"); }).Distinct().CountAsync();
        var c = await Article.Objects(Db).Filter(x => x.Reporter.FirstName == "Hop-C").CountAsync();
        var b = await Reporter.Objects(Db).Filter(r => { second = r.Article; return r.Article.Headline.StartsWith("Hop-B"); }).Distinct().CountAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.SameAs(first));
            Assert.That((a, b, c), Is.EqualTo((1, 1, 3)));
        }
    }

    [Test]
    public async Task ThreadsWalkingANewHopAtOnceGetTheirOwnRows()
    {
        // A path walked nowhere else (article → reporter → articles → reporter), from many threads at the same moment.
        var names = new[] { "Hop-A", "Hop-B", "Hop-C" };
        var start = new ManualResetEventSlim();
        var counts = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            start.Wait();
            var name = names[i % 3];
            return (name, await Article.Objects(Db).Filter(x => x.Reporter.Article.Reporter.LastName == name + "-last").Distinct().CountAsync());
        })).ToList();
        start.Set();
        foreach (var (name, count) in await Task.WhenAll(counts))
            Assert.That(count, Is.EqualTo(name switch { "Hop-A" => 1, "Hop-B" => 2, _ => 3 }), name);
    }
}
