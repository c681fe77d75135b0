using RelGen.Tests.Models.Reads;

namespace RelGen.Tests.Reads;

/// <summary>
/// Aggregates over reverse relations in Select, Filter and OrderBy (Django's annotate), checked against the hand-computed
/// table in <see cref="ReadsTest"/>: empty groups count 0 and sum to null, several aggregates never multiply each other.
/// </summary>
public sealed class RelationAggregateTests : ReadsTest
{
    [Test]
    public async Task EachObjectWithItsCount()
    {
        List<(Author, int)> rows = await Author.Objects(Db).Select(a => a, a => a.Book.Count()).ToListAsync();
        Assert.That(rows.Select(r => (r.Item1.Name, r.Item2)), Is.EqualTo(new[] { ("Ann", 3), ("Bob", 2), ("Cid", 1), ("Dee", 0) }));
        Assert.That(rows[0].Item1.Id, Is.EqualTo(Ann.Id));
    }

    [Test]
    public async Task SumsAveragesMinimaAndMaximaPerObjectWithEmptyGroupsAndNulls()
    {
        var rows = await Author.Objects(Db)
            .Select(a => a.Name, a => a.Book.Pages.Sum(), a => a.Book.Rating.Sum(), a => a.Book.Rating.Average(), a => a.Book.Published.Min(),
                a => a.Book.Published.Max(), a => a.Book.Price.Sum())
            .ToListAsync();
        Assert.That(rows, Is.EqualTo(new (string, long?, long?, decimal?, DateOnly?, DateOnly?, decimal?)[]
        {
            ("Ann", 600, 6, 3m, new DateOnly(2020, 1, 15), new DateOnly(2021, 12, 31), 35.75m),
            ("Bob", 200, 5, 5m, new DateOnly(2019, 3, 3), new DateOnly(2019, 3, 4), 19.00m),
            ("Cid", 400, null, null, new DateOnly(2022, 2, 28), new DateOnly(2022, 2, 28), 30.00m),
            ("Dee", null, null, null, null, null, null),
        }));
    }

    [Test]
    public async Task AggregatesOverTwoRelationsDoNotMultiplyEachOther()
    {
        // Django's "combining multiple aggregations" pitfall: joined together, Ann's 3 books and 2 awards would give 6 and 6.
        var rows = await Author.Objects(Db).Select(a => a.Name, a => a.Book.Count(), a => a.Award.Count(), a => a.Book.Pages.Sum()).ToListAsync();
        Assert.That(rows, Is.EqualTo(new (string, int, int, long?)[] { ("Ann", 3, 2, 600), ("Bob", 2, 1, 200), ("Cid", 1, 0, 400), ("Dee", 0, 1, null) }));
    }

    [Test]
    public async Task CountWithAConditionCountsTheMatchingRelatedObjects()
    {
        var rows = await Author.Objects(Db)
            .Select(a => a.Name, a => a.Book.Count(b => b.Rating != null), a => a.Book.Count(b => b.Published.Year == 2021 | b.Genre == Genre.Science))
            .ToListAsync();
        Assert.That(rows, Is.EqualTo(new[] { ("Ann", 2, 2), ("Bob", 1, 1), ("Cid", 0, 0), ("Dee", 0, 0) }));
    }

    [Test]
    public async Task ANestedRelationIsAggregatedThroughItsParents()
    {
        var rows = await Author.Objects(Db).Select(a => a.Name, a => a.Book.Review.Count(), a => a.Book.Review.Stars.Max()).ToListAsync();
        Assert.That(rows, Is.EqualTo(new (string, int, int?)[] { ("Ann", 3, 5), ("Bob", 1, 2), ("Cid", 0, null), ("Dee", 0, null) }));
    }

    [Test]
    public async Task AggregatesFilterAndOrder()
    {
        var prolific = await Author.Objects(Db).Filter(a => a.Book.Count() > 1).ToListAsync();
        var byCount = await Author.Objects(Db).OrderBy(a => a.Book.Count().Desc(), a => a.Name).ToListAsync();
        var noBooks = await Author.Objects(Db).Exclude(a => a.Book.Count() > 0).ToListAsync();
        var heavy = await Author.Objects(Db).Filter(a => a.Book.Pages.Sum() >= 400).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(prolific.Select(a => a.Name), Is.EqualTo(new[] { "Ann", "Bob" }));
            Assert.That(byCount.Select(a => a.Name), Is.EqualTo(new[] { "Ann", "Bob", "Cid", "Dee" }));
            Assert.That(noBooks.Select(a => a.Name), Is.EqualTo(new[] { "Dee" }));
            Assert.That(heavy.Select(a => a.Name), Is.EqualTo(new[] { "Ann", "Cid" }), "Dee's NULL sum is not >= 400");
            Assert.That(await Author.Objects(Db).Filter(a => a.Book.Count() > 1).CountAsync(), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task TheContractsExample()
    {
        // API.md: Filter(r => r.Article.Count() > 1).OrderBy(r => r.Article.Count().Desc()).Select(r => r, r => r.Article.Count(a => …)).
        List<(Author, int)> annotated = await Author.Objects(Db)
            .Filter(a => a.Book.Count() > 1)
            .OrderBy(a => a.Book.Count().Desc())
            .Select(a => a, a => a.Book.Count(b => b.Published.Year == 2021))
            .ToListAsync();
        Assert.That(annotated.Select(r => (r.Item1.Name, r.Item2)), Is.EqualTo(new[] { ("Ann", 2), ("Bob", 0) }));
    }

    [Test]
    public async Task PlainTermsAreGroupedBy()
    {
        // Django's values("city").annotate(Count("book"), Count("award"), Sum("book__pages"), Avg("book__rating")).
        var rows = await Author.Objects(Db)
            .OrderBy(a => a.City)
            .Select(a => a.City, a => a.Book.Count(), a => a.Award.Count(), a => a.Book.Pages.Sum(), a => a.Book.Rating.Average())
            .ToListAsync();
        Assert.That(rows, Has.Count.EqualTo(3));
        Assert.That(rows[0], Is.EqualTo(("Oslo", 5, 3, (long?)800, (decimal?)(11m / 3))).Using<(string?, int, int, long?, decimal?)>(SameRow));
        Assert.That(rows[1], Is.EqualTo(("Rome", 0, 1, (long?)null, (decimal?)null)).Using<(string?, int, int, long?, decimal?)>(SameRow));
        Assert.That(rows[2], Is.EqualTo(((string?)null, 1, 0, (long?)400, (decimal?)null)).Using<(string?, int, int, long?, decimal?)>(SameRow));
    }

    private static bool SameRow((string?, int, int, long?, decimal?) x, (string?, int, int, long?, decimal?) y)
        => x.Item1 == y.Item1 && x.Item2 == y.Item2 && x.Item3 == y.Item3 && x.Item4 == y.Item4
            && (x.Item5 is null ? y.Item5 is null : y.Item5 is not null && Math.Abs(x.Item5.Value - y.Item5.Value) < 1e-15m);

    [Test]
    public async Task AGroupHoldingOneParentSeveralTimesCountsItsRelatedRowsOnce()
    {
        // Grouped by the reporter of each book: Ann's group holds her three books, yet her awards are counted once.
        var rows = await Book.Objects(Db).OrderBy(b => b.Author.Name)
            .Select(b => b.Author.Name, b => b.Count(), b => b.Author.Award.Count(), b => b.Author.Book.Count())
            .ToListAsync();
        Assert.That(rows, Is.EqualTo(new[] { ("Ann", 3, 2, 3), ("Bob", 2, 1, 2), ("Cid", 1, 0, 1) }));
        var withModel = await Book.Objects(Db).Filter(b => b.Review.Stars > 0)
            .Select(b => b.Author, b => b.Author.Award.Count()).ToListAsync();
        Assert.That(withModel.Select(r => (r.Item1.Name, r.Item2)).OrderBy(r => r.Name), Is.EqualTo(new[] { ("Ann", 2), ("Bob", 1) }));
    }

    [Test]
    public async Task AggregatesOfTheQuerysOwnRowsAggregateTheGroups()
    {
        // Django's Book.objects.values("genre").annotate(Count("id"), Sum("pages")).
        var byGenre = await Book.Objects(Db).OrderBy(b => b.Genre).Select(b => b.Genre, b => b.Count(), b => b.Pages.Sum(), b => b.Rating.Max()).ToListAsync();
        Assert.That(byGenre, Is.EqualTo(new (Genre, int, long?, int?)[] { (Genre.Fiction, 3, 450, 4), (Genre.Poetry, 2, 600, null), (Genre.Science, 1, 150, 5) }));
        var byCity = await Book.Objects(Db).OrderBy(b => b.Author.City).Select(b => b.Author.City, b => b.Price.Sum()).ToListAsync();
        Assert.That(byCity, Is.EqualTo(new (string?, decimal?)[] { ("Oslo", 54.75m), (null, 30.00m) }));
    }

    [Test]
    public async Task OnlyAggregatesGiveOneRow()
    {
        var (books, awards, pages) = await Author.Objects(Db).Filter(a => a.City == "Oslo")
            .Select(a => a.Book.Count(), a => a.Award.Count(), a => a.Book.Pages.Sum()).FirstOrDefaultAsync();
        Assert.That((books, awards, pages), Is.EqualTo((5, 3, (long?)800)));
        var (count, total) = await Book.Objects(Db).Select(b => b.Count(), b => b.Pages.Sum()).FirstOrDefaultAsync();
        Assert.That((count, total), Is.EqualTo((6, (long?)1200)));
    }

    [Test]
    public async Task AFilterOnAGroupsAggregateIsHaving()
    {
        var rows = await Book.Objects(Db).Filter(b => b.Count() > 1).OrderBy(b => b.Genre).Select(b => b.Genre, b => b.Count()).ToListAsync();
        Assert.That(rows, Is.EqualTo(new[] { (Genre.Fiction, 3), (Genre.Poetry, 2) }));
        var sql = Book.Objects(Db).Filter(b => b.Count() > 1).Select(b => b.Genre, b => b.Count()).ToSql();
        Assert.That(sql, Does.Contain(" GROUP BY 1 HAVING CAST(COUNT(*) AS integer) > $1"));
    }

    [Test]
    public void AFilterOnTheRowsOwnAggregateWithoutGroupsIsRefused()
    {
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => Book.Objects(Db).Filter(b => b.Pages.Sum() > 1).ToListAsync());
        Assert.That(error!.Message, Does.Contain("Book").And.Contain("group by"));
    }

    [Test]
    public async Task AnyIsExistsAndNeverRepeatsRows()
    {
        var withLongBooks = await Author.Objects(Db).Filter(a => a.Book.Any(b => b.Pages > 250)).ToListAsync();
        var withBooks = await Author.Objects(Db).Filter(a => a.Book.Any()).CountAsync();
        var withoutBooks = await Author.Objects(Db).Exclude(a => a.Book.Any()).ToListAsync();
        var reviewedWell = await Author.Objects(Db).Filter(a => a.Book.Review.Any(r => r.Stars >= 4)).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(withLongBooks.Select(a => a.Name), Is.EqualTo(new[] { "Ann", "Cid" }));
            Assert.That(withBooks, Is.EqualTo(3), "no Distinct() needed");
            Assert.That(withoutBooks.Select(a => a.Name), Is.EqualTo(new[] { "Dee" }));
            Assert.That(reviewedWell.Select(a => a.Name), Is.EqualTo(new[] { "Ann" }));
        }
        Assert.That(Author.Objects(Db).Filter(a => a.Book.Any(b => b.Pages > 250)).ToSql(),
            Does.Contain("WHERE EXISTS (SELECT 1 FROM \"rd_book\" t1 WHERE t1.\"author_id\" = t0.\"id\" AND t1.\"pages\" > $1)"));
    }

    [Test]
    public async Task AnAggregatesConditionMayAggregateAnotherRelation()
    {
        // Books longer than 100 pages per award of their author: Ann (2 awards) A3; Bob (1) B1; Cid (0) C1.
        var rows = await Author.Objects(Db).Select(a => a.Name, a => a.Book.Count(b => b.Pages > b.Author.Award.Count() * 100)).ToListAsync();
        Assert.That(rows, Is.EqualTo(new[] { ("Ann", 1), ("Bob", 1), ("Cid", 1), ("Dee", 0) }));
    }
}
