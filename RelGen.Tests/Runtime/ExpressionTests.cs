using RelGen.Tests.Models;

namespace RelGen.Tests.Runtime;

/// <summary>Expressions in filters and order: field against field, arithmetic, NULL semantics of == and !=, NULL placement, enum order.</summary>
public sealed class ExpressionTests : SchemaTest
{
    private Reporter _author = null!;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _author = new Reporter { FirstName = "Ed", LastName = "Itor" };
        await Db.SaveAsync(_author);
        var day = new DateOnly(2024, 3, 1);
        await Db.BulkCreateAsync(new[]
        {
            new Story { Title = "a", Tag = "x", Views = 10, Likes = 20, Price = 1.5m, Published = day, Updated = day.AddDays(1), Priority = Priority.Low, Author = _author },
            new Story { Title = "b", Tag = null, Views = 30, Likes = 5, Price = 2m, Published = day, Updated = null, Priority = Priority.High },
            new Story { Title = "c", Tag = "y", Views = 7, Likes = 7, Price = 10m, Published = day.AddDays(2), Updated = day.AddDays(1), Priority = Priority.Normal, Author = _author },
        });
    }

    private static async Task<string[]> Titles(Query.QuerySet<Story, Story.Lookup> query)
        => [.. (await query.OrderBy(s => s.Title).ToListAsync()).Select(s => s.Title)];

    [Test]
    public async Task FieldsCompareWithFieldsOfTheSameRow()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Titles(Story.Objects(Db).Filter(s => s.Likes > s.Views)), Is.EqualTo(new[] { "a" }));
            Assert.That(await Titles(Story.Objects(Db).Filter(s => s.Likes == s.Views)), Is.EqualTo(new[] { "c" }));
            Assert.That(await Titles(Story.Objects(Db).Filter(s => s.Updated > s.Published)), Is.EqualTo(new[] { "a" }));
            Assert.That(await Titles(Story.Objects(Db).Exclude(s => s.Likes == s.Views)), Is.EqualTo(new[] { "a", "b" }));
        }
    }

    [Test]
    public async Task ArithmeticOverFieldsAndConstants()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Titles(Story.Objects(Db).Filter(s => s.Views + 13 > s.Likes * 2)), Is.EqualTo(new[] { "b", "c" }));
            Assert.That(await Titles(Story.Objects(Db).Filter(s => s.Price * 2 >= 4m)), Is.EqualTo(new[] { "b", "c" }));
            Assert.That(await Titles(Story.Objects(Db).Filter(s => 100 - s.Views == 90)), Is.EqualTo(new[] { "a" }));
        }
        Assert.That(Story.Objects(Db).Filter(s => s.Views + 13 > s.Likes * 2).ToSql(), Does.Contain("(t0.\"views\" + $1) > (t0.\"likes\" * $2)"));
    }

    [Test]
    public async Task NotEqualKeepsNullRowsAsNegatedEqualDoes()
    {
        // C#: null != "x" is true; Django: exclude(tag="x") keeps NULL tags. Both spellings agree.
        var notEqual = await Titles(Story.Objects(Db).Filter(s => s.Tag != "x"));
        var negated = await Titles(Story.Objects(Db).Filter(s => !(s.Tag == "x")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(notEqual, Is.EqualTo(new[] { "b", "c" }));
            Assert.That(negated, Is.EqualTo(notEqual));
            Assert.That(await Titles(Story.Objects(Db).Filter(s => s.Author != _author)), Is.EqualTo(new[] { "b" }));
        }
    }

    [Test]
    public async Task EqualsNullOnAValueFieldIsIsNull()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Titles(Story.Objects(Db).Filter(s => s.Updated == null)), Is.EqualTo(new[] { "b" }));
            Assert.That(await Titles(Story.Objects(Db).Filter(s => s.Updated != null)), Is.EqualTo(new[] { "a", "c" }));
            Assert.That(await Titles(Story.Objects(Db).Filter(s => s.Tag == null)), Is.EqualTo(new[] { "b" }));
        }
    }

    [Test]
    public async Task NullsPlacedFirstOrLast()
    {
        async Task<string[]> Order(Func<Story.Lookup, Query.OrderTerm> term)
            => [.. (await Story.Objects(Db).OrderBy(term, s => s.Title).ToListAsync()).Select(s => s.Title)];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Order(s => s.Tag.Asc()), Is.EqualTo(new[] { "a", "c", "b" }));
            Assert.That(await Order(s => s.Tag.Asc(nullsFirst: true)), Is.EqualTo(new[] { "b", "a", "c" }));
            Assert.That(await Order(s => s.Tag.Desc()), Is.EqualTo(new[] { "b", "c", "a" }));
            Assert.That(await Order(s => s.Tag.Desc(nullsFirst: false)), Is.EqualTo(new[] { "c", "a", "b" }));
            Assert.That(await Order(s => (s.Views - s.Likes).Desc()), Is.EqualTo(new[] { "b", "c", "a" }));
        }
    }

    [Test]
    public async Task EnumsHaveOrderingLookups()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Titles(Story.Objects(Db).Filter(s => s.Priority >= Priority.Normal)), Is.EqualTo(new[] { "b", "c" }));
            Assert.That(await Titles(Story.Objects(Db).Filter(s => s.Priority < Priority.High)), Is.EqualTo(new[] { "a", "c" }));
            Assert.That(await Titles(Story.Objects(Db).Filter(s => s.Priority.In(Priority.Low, Priority.High))), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(await Titles(Story.Objects(Db).Filter(s => s.Priority.Range(Priority.Normal, Priority.High))), Is.EqualTo(new[] { "b", "c" }));
        }
    }

    [Test]
    public async Task ExpressionAcrossARelation()
    {
        Assert.That(await Titles(Story.Objects(Db).Filter(s => s.Views < s.Author!.Id * 100)), Is.EqualTo(new[] { "a", "c" }));
    }
}
