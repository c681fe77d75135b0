using RelGen.Tests.Models.Reads;

namespace RelGen.Tests.Reads;

/// <summary>Select with one to seven terms: fields, related fields, the model itself; typed results, streaming, Distinct, ToSql.</summary>
public sealed class ProjectionTests : ReadsTest
{
    [Test]
    public async Task OneTermGivesItsValues()
    {
        List<string> titles = await Book.Objects(Db).Select(b => b.Title).ToListAsync();
        Assert.That(titles, Is.EqualTo(new[] { "A1", "A2", "A3", "B1", "B2", "C1" }), "in the model's default order");
    }

    [Test]
    public async Task ANullableColumnReadsAsItsNullableType()
    {
        List<int?> ratings = await Book.Objects(Db).Select(b => b.Rating).ToListAsync();
        List<string?> cities = await Author.Objects(Db).Select(a => a.City).ToListAsync();
        List<DateTime?> printed = await Book.Objects(Db).Select(b => b.Printed).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ratings, Is.EqualTo(new int?[] { 4, null, 2, 5, null, null }));
            Assert.That(cities, Is.EqualTo(new[] { "Oslo", "Oslo", null, "Rome" }));
            Assert.That(printed[0], Is.EqualTo(new DateTime(2020, 2, 1, 10, 20, 30, 900, DateTimeKind.Utc)));
            Assert.That(printed[1], Is.Null);
        }
    }

    [Test]
    public async Task SeveralTermsGiveValueTuplesInOrder()
    {
        List<(int, string, DateOnly)> rows = await Book.Objects(Db).Filter(b => b.Author.Name == "Bob").Select(b => b.Id, b => b.Title, b => b.Published).ToListAsync();
        Assert.That(rows.Select(r => (r.Item2, r.Item3)), Is.EqualTo(new[] { ("B1", new DateOnly(2019, 3, 3)), ("B2", new DateOnly(2019, 3, 4)) }));
        var seven = await Book.Objects(Db).Filter(b => b.Title == "A1")
            .Select(b => b.Title, b => b.Pages, b => b.Rating, b => b.Price, b => b.Score, b => b.Genre, b => b.Author.Name).FirstOrDefaultAsync();
        Assert.That(seven, Is.EqualTo(("A1", 100, (int?)4, 10.50m, (double?)1.5, Genre.Fiction, "Ann")));
    }

    [Test]
    public async Task RelatedFieldsAtAnyDepth()
    {
        var rows = await Review.Objects(Db).OrderBy(r => r.Text).Select(r => r.Text, r => r.Book.Title, r => r.Book.Author.Name, r => r.Book.Author.City).ToListAsync();
        Assert.That(rows, Is.EqualTo(new (string, string, string, string?)[]
        {
            ("fine", "A1", "Ann", "Oslo"), ("good", "A1", "Ann", "Oslo"), ("great", "A1", "Ann", "Oslo"), ("meh", "B1", "Bob", "Oslo"),
        }));
    }

    [Test]
    public async Task TheModelItselfAndARelatedModelAreObjectsThatLoadAndSave()
    {
        var rows = await Book.Objects(Db).Filter(b => b.Title == "B2").Select(b => b, b => b.Author, b => b.Title).ToListAsync();
        var (book, author, title) = rows.Single();
        Assert.That((book.Title, author.Name, title), Is.EqualTo(("B2", "Bob", "B2")));
        Sql.Clear();
        Assert.That(book.Author.Name, Is.EqualTo("Bob"), "a lazy load from a projected object");
        Assert.That(Sql.Count, Is.EqualTo(1));
        Sql.Clear();
        await Db.SaveAsync(book);
        Assert.That(Sql.Count, Is.Zero, "loaded unchanged: nothing to save");
        author.Name = "Bob";
        await Db.SaveAsync(author);
        Assert.That(Sql.Count, Is.Zero, "the related object is tracked too");
    }

    [Test]
    public async Task AFieldAcrossAReverseRelationRepeatsRowsAndRefusesANullItCannotHold()
    {
        // Django's values_list("name", "book__pages"): one row per book, and Dee's row has no pages.
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => Author.Objects(Db).Select(a => a.Name, a => a.Book.Pages).ToListAsync());
        Assert.That(error!.Message, Does.Contain("Book.Pages").And.Contain("AsNullable"));
        var rows = await Author.Objects(Db).OrderBy(a => a.Name, a => a.Book.Pages).Select(a => a.Name, a => a.Book.Pages.AsNullable()).ToListAsync();
        Assert.That(rows, Is.EqualTo(new (string, int?)[] { ("Ann", 100), ("Ann", 200), ("Ann", 300), ("Bob", 50), ("Bob", 150), ("Cid", 400), ("Dee", null) }));
    }

    [Test]
    public async Task DistinctDropsRepeatedRows()
    {
        var cities = await Book.Objects(Db).Select(b => b.Author.City).Distinct().ToListAsync();
        Assert.That(cities, Is.EquivalentTo(new[] { "Oslo", null }));
        var ordered = await Book.Objects(Db).OrderBy(b => b.Genre.Desc()).Select(b => b.Genre).Distinct().ToListAsync();
        Assert.That(ordered, Is.EqualTo(new[] { Genre.Science, Genre.Poetry, Genre.Fiction }));
    }

    [Test]
    public async Task SlicesAndFirstOrDefault()
    {
        var middle = await Book.Objects(Db).OrderBy(b => b.Pages).Select(b => b.Pages).Skip(1).Take(2).ToListAsync();
        Assert.That(middle, Is.EqualTo(new[] { 100, 150 }));
        Assert.That(await Book.Objects(Db).OrderBy(b => b.Pages.Desc()).Select(b => b.Title).FirstOrDefaultAsync(), Is.EqualTo("C1"));
        Assert.That(await Book.Objects(Db).Filter(b => b.Pages > 10_000).Select(b => b.Title).FirstOrDefaultAsync(), Is.Null);
        Assert.That(await Book.Objects(Db).Filter(b => b.Pages > 10_000).Select(b => b.Pages, b => b.Title).FirstOrDefaultAsync(), Is.EqualTo(default((int, string))));
    }

    [Test]
    public async Task StreamsWithAwaitForeach()
    {
        var seen = new List<(string, long?)>();
        await foreach (var row in Author.Objects(Db).Select(a => a.Name, a => a.Book.Pages.Sum()))
            seen.Add(row);
        Assert.That(seen, Is.EqualTo(new (string, long?)[] { ("Ann", 600), ("Bob", 200), ("Cid", 400), ("Dee", null) }));
    }

    [Test]
    public void ToSqlShowsTheStatementWithPlaceholders()
    {
        var query = Book.Objects(Db).Filter(b => b.Author.Name == "Ann").Select(b => b.Id, b => b.Title, b => b.Author.City);
        Assert.That(query.ToSql(), Is.EqualTo(
            "SELECT t0.\"id\", t0.\"title\", t1.\"city\" FROM \"rd_book\" t0 INNER JOIN \"rd_author\" t1 ON t1.\"id\" = t0.\"author_id\""
            + " WHERE t1.\"name\" = $1 ORDER BY t0.\"title\" ASC"));
        Assert.That(query.ToParameters(), Is.EqualTo(new object[] { "Ann" }));
        Assert.That(Author.Objects(Db).Select(a => a, a => a.Book.Count()).ToSql(), Is.EqualTo(
            "SELECT t0.\"id\", t0.\"name\", t0.\"city\", (SELECT CAST(COUNT(*) AS integer) FROM \"rd_book\" t1 WHERE t1.\"author_id\" = t0.\"id\")"
            + " FROM \"rd_author\" t0 ORDER BY t0.\"name\" ASC"));
    }

    [Test]
    public void SelectingAReverseRelationsObjectsIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => Author.Objects(Db).Select(a => a.Book));
        Assert.That(error!.Message, Does.Contain("Count()"));
    }
}
