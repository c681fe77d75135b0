using RelGen.Tests.Models;

namespace RelGen.Tests.Runtime;

/// <summary>
/// The cases of issue 11 items 10 and 11 as written: <c>!=</c> on a nullable column or relation keeps the NULL rows, as
/// <c>!(==)</c> and Django's <c>exclude</c> do, and enum fields have ordering lookups.
/// </summary>
public sealed class NotEqualAndEnumLookupTests : SchemaTest
{
    private static readonly DateOnly Day = new(2024, 3, 1);
    private Reporter _author = null!;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _author = new Reporter { FirstName = "Ne", LastName = "Q" };
        await Db.SaveAsync(_author);
        await Db.BulkCreateAsync(new[]
        {
            new Story { Title = "tagged", Tag = "x", Published = Day, Updated = Day, Priority = Priority.Low, Author = _author },
            new Story { Title = "untagged", Tag = null, Published = Day, Updated = null, Priority = Priority.High, Author = null },
            new Story { Title = "other", Tag = "y", Published = Day, Updated = Day.AddDays(1), Priority = Priority.Normal, Author = _author },
        });
    }

    private async Task<string[]> Titles(Func<Story.Lookup, Query.Predicate> predicate)
        => [.. (await Story.Objects(Db).Filter(predicate).OrderBy(s => s.Title).ToListAsync()).Select(s => s.Title)];

    [Test]
    public async Task NotEqualOnNullableColumnsAndRelationsKeepsNullRowsAsNegatedEqualDoes()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Titles(s => s.Tag != "x"), Is.EqualTo(new[] { "other", "untagged" }));
            Assert.That(await Titles(s => !(s.Tag == "x")), Is.EqualTo(new[] { "other", "untagged" }));
            Assert.That(await Titles(s => s.Updated != Day), Is.EqualTo(new[] { "other", "untagged" }));
            Assert.That(await Titles(s => !(s.Updated == Day)), Is.EqualTo(new[] { "other", "untagged" }));
            Assert.That(await Titles(s => s.Author != _author), Is.EqualTo(new[] { "untagged" }));
            Assert.That(await Titles(s => s.Author != _author.Id), Is.EqualTo(new[] { "untagged" }));
            Assert.That(await Titles(s => !(s.Author == _author.Id)), Is.EqualTo(new[] { "untagged" }));
            Assert.That(await Titles(s => s.Author.FirstName != "Ne"), Is.EqualTo(new[] { "untagged" }), "a NULL relation has no first name, which is not \"Ne\"");
        }
        Assert.That(Story.Objects(Db).Filter(s => s.Tag != "x").ToSql(), Does.Contain("IS DISTINCT FROM $1").And.Not.Contain("<>"));
    }

    [Test]
    public async Task EnumsHaveOrderingLookups()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Titles(s => s.Priority >= Priority.High), Is.EqualTo(new[] { "untagged" }));
            Assert.That(await Titles(s => s.Priority > Priority.Low), Is.EqualTo(new[] { "other", "untagged" }));
            Assert.That(await Titles(s => s.Priority <= Priority.Normal), Is.EqualTo(new[] { "other", "tagged" }));
            Assert.That(await Titles(s => s.Priority.Lt(Priority.Normal)), Is.EqualTo(new[] { "tagged" }));
            Assert.That(await Titles(s => s.Priority != Priority.Low), Is.EqualTo(new[] { "other", "untagged" }));
        }
    }
}
