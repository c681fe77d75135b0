using RelGen.Tests.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Runtime;

/// <summary>BulkCreateAsync: both paths set keys, validate first, and are atomic.</summary>
public sealed class BulkCreateTests : DatabaseTest
{
    private RelGenDatabase _db = null!;
    private readonly SqlCapture _sql = new();
    private Reporter _reporter = null!;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _db = RelGenDatabase.Create(ConnectionString, _sql);
        await _db.CreateTablesAsync();
        _reporter = new Reporter { FirstName = "Bulk", LastName = "Writer" };
        await _db.SaveAsync(_reporter);
    }

    [OneTimeTearDown]
    public async Task DisposeAsync() => await _db.DisposeAsync();

    private List<Article> Articles(int count, string prefix)
        => Enumerable.Range(0, count).Select(i => new Article { Headline = $"{prefix} {i:D5}", PubDate = new DateOnly(2020, 1, 1), Reporter = _reporter }).ToList();

    [TestCase(3, "INSERT")]
    [TestCase(5000, "COPY")]
    public async Task EveryObjectGetsItsKeyAndIsStored(int count, string statement)
    {
        var prefix = "Bulk" + count;
        var articles = Articles(count, prefix);
        _sql.Clear();
        await _db.BulkCreateAsync(articles);
        Assert.That(_sql.Commands.Any(c => c.StartsWith(statement, StringComparison.Ordinal)), Is.True);
        Assert.That(_sql.Count, Is.LessThanOrEqualTo(2));
        Assert.That(articles.Select(a => a.Id).Distinct().Count(), Is.EqualTo(count));
        Assert.That(articles.All(a => a.Id > 0), Is.True);
        var stored = await Article.Objects(_db).Filter(a => a.Headline.StartsWith(prefix)).ToListAsync();
        Assert.That(stored.ToDictionary(a => a.Id, a => a.Headline), Is.EquivalentTo(articles.ToDictionary(a => a.Id, a => a.Headline)));
    }

    [Test]
    public async Task AnInvalidObjectStopsTheWholeBatchBeforeAnythingIsSent()
    {
        var articles = Articles(300, "Invalid");
        articles[250].Headline = new string('x', 101);
        _sql.Clear();
        Assert.ThrowsAsync<ModelValidationException>(() => _db.BulkCreateAsync(articles));
        Assert.That(_sql.Count, Is.Zero);
        Assert.That(await Article.Objects(_db).Filter(a => a.Headline.StartsWith("Invalid")).ExistsAsync(), Is.False);
    }

    [Test]
    public async Task AnApplicationKeyedModelIsCopiedWithItsKeys()
    {
        var labels = Enumerable.Range(0, 500).Select(i => new Label { Code = Guid.NewGuid(), Name = $"bulk {i}" }).ToList();
        await _db.BulkCreateAsync(labels);
        Assert.That(await Label.Objects(_db).Filter(l => l.Name.StartsWith("bulk ")).CountAsync(), Is.EqualTo(500));
        Assert.That(await Label.Objects(_db).Filter(l => l.Code == labels[499].Code).ExistsAsync(), Is.True);
    }
}
