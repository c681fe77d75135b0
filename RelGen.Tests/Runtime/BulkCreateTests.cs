using RelGen.Tests.Models;

namespace RelGen.Tests.Runtime;

/// <summary>BulkCreateAsync: both paths set keys, validate first, and are atomic.</summary>
public sealed class BulkCreateTests : SchemaTest
{
    private Reporter _reporter = null!;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _reporter = new Reporter { FirstName = "Bulk", LastName = "Writer" };
        await Db.SaveAsync(_reporter);
    }

    private List<Article> Articles(int count, string prefix)
        => Enumerable.Range(0, count).Select(i => new Article { Headline = $"{prefix} {i:D5}", PubDate = new DateOnly(2020, 1, 1), Reporter = _reporter }).ToList();

    [TestCase(3, "INSERT")]
    [TestCase(500, "SELECT nextval(s)|COPY")]
    [TestCase(5000, "BEGIN|SELECT nextval(pg_get_serial_sequence|COPY|SELECT currval(|COMMIT")]
    public async Task EveryObjectGetsItsKeyAndIsStored(int count, string statements)
    {
        var prefix = "Bulk" + count;
        var articles = Articles(count, prefix);
        Sql.Clear();
        await Db.BulkCreateAsync(articles);
        // Few rows: one INSERT … RETURNING. More: keys reserved from the sequence, then COPY. From 2,000 rows: the database
        // assigns the keys during the COPY, proven by the sequence's values around it.
        var expected = statements.Split('|');
        Assert.That(Sql.Commands, Has.Count.EqualTo(expected.Length), string.Join("\n", Sql.Commands));
        for (var i = 0; i < expected.Length; i++)
            Assert.That(Sql.Commands[i], Does.StartWith(expected[i]));
        Assert.That(articles.Select(a => a.Id).Distinct().Count(), Is.EqualTo(count));
        Assert.That(articles.All(a => a.Id > 0), Is.True);
        var stored = await Article.Objects(Db).Filter(a => a.Headline.StartsWith(prefix)).ToListAsync();
        Assert.That(stored.ToDictionary(a => a.Id, a => a.Headline), Is.EquivalentTo(articles.ToDictionary(a => a.Id, a => a.Headline)));
    }

    [TestCase(500)]
    [TestCase(5000)]
    public async Task AForeignKeyViolationInTheCopyWritesNothingAndLeavesNoKeys(int count)
    {
        var articles = Articles(count, "Orphan" + count);
        articles[count / 2].ReporterId = int.MaxValue;   // no such reporter: the COPY fails at the row's foreign key
        var error = Assert.ThrowsAsync<IntegrityException>(() => Db.BulkCreateAsync(articles));
        Assert.That(error!.SqlState, Is.EqualTo("23503"));
        Assert.That(articles.All(a => a.Id == 0), Is.True, "keys are given only to objects whose rows were written");
        Assert.That(await Article.Objects(Db).Filter(a => a.Headline.StartsWith("Orphan" + count)).ExistsAsync(), Is.False);
    }

    [Test]
    public async Task AnInvalidObjectStopsTheWholeBatchBeforeAnythingIsSent()
    {
        var articles = Articles(300, "Invalid");
        articles[250].Headline = new string('x', 101);
        Sql.Clear();
        Assert.ThrowsAsync<ModelValidationException>(() => Db.BulkCreateAsync(articles));
        Assert.That(Sql.Count, Is.Zero);
        Assert.That(await Article.Objects(Db).Filter(a => a.Headline.StartsWith("Invalid")).ExistsAsync(), Is.False);
    }

    [Test]
    public async Task AnApplicationKeyedModelIsCopiedWithItsKeys()
    {
        var labels = Enumerable.Range(0, 500).Select(i => new Label { Code = Guid.NewGuid(), Name = $"bulk {i}" }).ToList();
        await Db.BulkCreateAsync(labels);
        Assert.That(await Label.Objects(Db).Filter(l => l.Name.StartsWith("bulk ")).CountAsync(), Is.EqualTo(500));
        Assert.That(await Label.Objects(Db).Filter(l => l.Code == labels[499].Code).ExistsAsync(), Is.True);
    }
}
