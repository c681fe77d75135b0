using RelGen.Query;
using RelGen.Tests.Models.Reads;

namespace RelGen.Tests.Reads;

/// <summary>
/// <c>Distinct().CountAsync()</c> across reverse relations, on <see cref="ReadsTest"/>'s table (Ann has three books, Bob two,
/// Cid one, Dee none; ratings, cities and award years with NULLs and repeats). Where every condition on a reverse relation
/// rejects NULLs, the count is sent as <c>COUNT(*) … WHERE EXISTS (…)</c>; elsewhere as <c>COUNT(DISTINCT key)</c> over
/// the joins, because a model row with no related row (Dee, through the <c>LEFT OUTER JOIN</c>'s NULL row) can match there.
/// Each count is checked against the hand-computed number and against the distinct rows themselves
/// (<c>Distinct().ToListAsync()</c>, which keeps the joined form), and the SQL sent says which form it took.
/// </summary>
public sealed class DistinctCountTests : ReadsTest
{
    private const string SemiJoin = "semi-join";
    private const string Joined = "joined";

    [Test]
    public async Task ARelationConditionMatchedByNoneOneOrSeveralRelatedRowsIsAnExists()
    {
        // Pages > 120: Ann A2 and A3 (two), Bob B1 (one), Cid C1 (one), Dee no book.
        var sql = await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Pages > 120).Distinct(), 3, SemiJoin);
        Assert.That(sql, Is.EqualTo("SELECT COUNT(*) FROM \"rd_author\" t0 WHERE EXISTS (SELECT 1 FROM \"rd_book\" t1"
            + " WHERE t1.\"author_id\" = t0.\"id\" AND t1.\"pages\" > $1)"));
        // Pages > 250: Ann A3, Cid C1; Bob's books are all shorter.
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Pages > 250).Distinct(), 2, SemiJoin);
    }

    [Test]
    public async Task StrictConditionsOnANullableColumnAreExists()
    {
        // Ratings 4, -, 2 (Ann), 5, - (Bob), - (Cid): a NULL rating matches no comparison.
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Rating > 3).Distinct(), 2, SemiJoin);
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Rating < 3).Distinct(), 1, SemiJoin);
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Rating != null).Distinct(), 2, SemiJoin);
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Rating.In(2, 5)).Distinct(), 2, SemiJoin);
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Rating.Range(1, 4)).Distinct(), 1, SemiJoin);
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.IsNull(false)).Distinct(), 3, SemiJoin);
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Rating + 1 > 4).Distinct(), 2, SemiJoin);
    }

    [Test]
    public async Task ConditionsOfOneFilterCallMeetOneRowAndOfTwoCallsEachTheirOwn()
    {
        // One call: the same book has more than 250 pages and a rating of 4 or more: none has.
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Pages > 250 & a.Book.Rating >= 4).Distinct(), 0, SemiJoin);
        // Two calls (Django's one join per filter() on a multi-valued relation): Ann's A3 has 300 pages, her A1 a rating of 4.
        var sql = await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Pages > 250).Filter(a => a.Book.Rating >= 4).Distinct(), 1, SemiJoin);
        Assert.That(sql, Is.EqualTo("SELECT COUNT(*) FROM \"rd_author\" t0"
            + " WHERE EXISTS (SELECT 1 FROM \"rd_book\" t1 WHERE t1.\"author_id\" = t0.\"id\" AND t1.\"pages\" > $1)"
            + " AND EXISTS (SELECT 1 FROM \"rd_book\" t2 WHERE t2.\"author_id\" = t0.\"id\" AND t2.\"rating\" >= $2)"));
    }

    [Test]
    public async Task ConditionsOnTheModelStayOutsideTheExists()
    {
        // Oslo: Ann and Bob; Cid's city is NULL. Written in either order, the placeholders follow the values.
        var sql = await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Rating >= 2 & a.City == "Oslo").Distinct(), 2, SemiJoin);
        Assert.That(sql, Does.EndWith("WHERE EXISTS (SELECT 1 FROM \"rd_book\" t1 WHERE t1.\"author_id\" = t0.\"id\" AND t1.\"rating\" >= $1)"
            + " AND t0.\"city\" = $2"));
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.City == "Oslo").Filter(a => a.Book.Title.StartsWith("B")).Distinct(), 1, SemiJoin);
        // A negation of the model's own condition keeps Cid, whose city is NULL.
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Pages > 0).Exclude(a => a.City == "Oslo").Distinct(), 1, SemiJoin);
    }

    [Test]
    public async Task AnOrInsideTheRelationOrBesideAStrictConditionIsAnExists()
    {
        // Both sides read the book: Bob's B1 (rating 5), Cid's C1 (400 pages).
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Rating > 4 | a.Book.Pages > 350).Distinct(), 2, SemiJoin);
        // The OR reads the author too, but the same call's page condition needs a book: Dee (Rome, no book) stays out.
        await AssertCountAsync(Author.Objects(Db).Filter(a => (a.City == "Rome" | a.Book.Rating > 4) & a.Book.Pages > 0).Distinct(), 1, SemiJoin);
    }

    [Test]
    public async Task NestedAndForwardPathsBelowTheRelationAreInsideTheExists()
    {
        // Reviews of 4 stars or more: Ann's A1 (5, 4); 2 or more: A1 and Bob's B1.
        var sql = await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Review.Stars >= 4).Distinct(), 1, SemiJoin);
        Assert.That(sql, Is.EqualTo("SELECT COUNT(*) FROM \"rd_author\" t0 WHERE EXISTS (SELECT 1 FROM \"rd_book\" t1"
            + " LEFT OUTER JOIN \"rd_review\" t2 ON t2.\"book_id\" = t1.\"id\" WHERE t1.\"author_id\" = t0.\"id\" AND t2.\"stars\" >= $1)"));
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Review.Stars >= 2).Distinct(), 2, SemiJoin);
        // Back to the author through the book: authors of a book whose author lives in Oslo.
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Author.City == "Oslo").Distinct(), 2, SemiJoin);
        // A forward path before the reverse hop: books whose author wrote a book rated 5 (Bob's two).
        await AssertCountAsync(Book.Objects(Db).Filter(b => b.Author.Book.Rating == 5).Distinct(), 2, SemiJoin);
    }

    [Test]
    public async Task TwoRelationsAreTwoExists()
    {
        // A book rated 4 or more and an award from 2020 on: Ann (A1; Gold); Bob's award is from 2019.
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Rating >= 4).Filter(a => a.Award.Year >= 2020).Distinct(), 1, SemiJoin);
        var sql = await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Rating >= 4 & a.Award.Year >= 2020).Distinct(), 1, SemiJoin);
        Assert.That(sql, Does.Contain("EXISTS (SELECT 1 FROM \"rd_book\" t1").And.Contain("EXISTS (SELECT 1 FROM \"rd_award\" t2"));
    }

    [Test]
    public async Task SubqueriesOnTheModelAndKeysSubqueriesGoWhereTheirConditionGoes()
    {
        // Any() and an aggregate are correlated to the author: they stay outside, beside the EXISTS.
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Rating > 3).Filter(a => a.Award.Any()).Distinct(), 2, SemiJoin);
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Pages > 0 & a.Award.Count() >= 2).Distinct(), 1, SemiJoin);
        // Excluded across the relation: no book under 100 pages (Bob's B2 has 50).
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Pages > 0).Exclude(a => a.Book.Pages < 100).Distinct(), 2, SemiJoin);
        // A negation across the relation is a NOT EXISTS of its own: no book rated above 3 (Cid, and Dee with none).
        await AssertCountAsync(Author.Objects(Db).Filter(a => !(a.Book.Rating > 3)).Distinct(), 2, SemiJoin);
        // The keys of another query are a level of their own.
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.In(Book.Objects(Db).Filter(b => b.Rating > 3))).Distinct(), 2, SemiJoin);
    }

    [Test]
    public async Task AnOrderIsReadPastWithItsPlaceholders()
    {
        var query = Author.Objects(Db).Filter(a => a.Book.Rating > 3).OrderBy(a => a.Book.Title, a => a.Book.Pages + 7).Distinct();
        Sql.Clear();
        Assert.That(await query.CountAsync(), Is.EqualTo(2));
        Assert.That(Sql.Commands[^1], Does.StartWith("SELECT COUNT(*) FROM \"rd_author\" t0 WHERE EXISTS"));
        Assert.That(await Author.Objects(Db).Filter(a => a.Book.Rating > 3).OrderBy(a => a.Book.Count().Desc()).Distinct().CountAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task WithoutReverseRelationsEveryRowIsCountedOnce()
    {
        var sql = await AssertCountAsync(Author.Objects(Db).Distinct(), 4, SemiJoin);
        Assert.That(sql, Is.EqualTo("SELECT COUNT(*) FROM \"rd_author\" t0"));
        sql = await AssertCountAsync(Book.Objects(Db).Filter(b => b.Author.City == "Oslo").Distinct(), 5, SemiJoin);
        Assert.That(sql, Is.EqualTo("SELECT COUNT(*) FROM \"rd_book\" t0 INNER JOIN \"rd_author\" t1 ON t1.\"id\" = t0.\"author_id\" WHERE t1.\"city\" = $1"));
    }

    [Test]
    public async Task ConditionsTrueForARowWithoutRelatedRowsKeepTheJoinedForm()
    {
        // IS NULL: Dee, with no book, meets it through the join's NULL row (A2, B2 and C1 have no rating).
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Rating == null).Distinct(), 4, Joined);
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.IsNull()).Distinct(), 1, Joined);
        // IS DISTINCT FROM is true for NULL: every author.
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Title != "A1").Distinct(), 4, Joined);
        // An OR between the author and the book: Dee (Rome, no book) and Bob (B1 rated 5).
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.City == "Rome" | a.Book.Rating > 4).Distinct(), 2, Joined);
        // The strict condition in one call does not reach the NULL row of another call's join.
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Pages > 250).Filter(a => a.Book.Rating == null).Distinct(), 2, Joined);
    }

    [Test]
    public async Task ConditionsReadingTwoRelationsOrASubqueryBesideTheRelationKeepTheJoinedForm()
    {
        // One condition over books and awards: Bob (B1 rated 5) and Dee (Debut, 2023; the NULL book row).
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Rating > 4 | a.Award.Year > 2022).Distinct(), 2, Joined);
        // Any() beside the book in one OR: Ann, Bob and Dee have awards.
        await AssertCountAsync(Author.Objects(Db).Filter(a => a.Book.Rating > 3 | a.Award.Any()).Distinct(), 3, Joined);
    }

    [Test]
    public async Task SlicedAndNonDistinctCountsAreUnchanged()
    {
        Sql.Clear();
        Assert.That(await Author.Objects(Db).Filter(a => a.Book.Pages > 0).Distinct().Take(2).CountAsync(), Is.EqualTo(2));
        Assert.That(Sql.Commands[^1], Does.StartWith("SELECT COUNT(*) FROM (SELECT DISTINCT"));
        // Without Distinct a count counts the joined rows, as Django's does: six books.
        Assert.That(await Author.Objects(Db).Filter(a => a.Book.Pages > 0).CountAsync(), Is.EqualTo(6));
        Assert.That(Sql.Commands[^1], Does.StartWith("SELECT COUNT(*) FROM \"rd_author\" t0 LEFT OUTER JOIN"));
    }

    /// <summary>
    /// Counts <paramref name="query"/>, checks the count against <paramref name="expected"/> and against the distinct rows
    /// themselves, and checks the form sent; returns the count's SQL.
    /// </summary>
    private async Task<string> AssertCountAsync<T, TLookup>(QuerySet<T, TLookup> query, int expected, string form)
        where T : class, IModel<T>
        where TLookup : ModelLookup
    {
        Sql.Clear();
        var count = await query.CountAsync();
        var sql = Sql.Commands[^1];
        var rows = await query.ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(count, Is.EqualTo(expected), sql);
            Assert.That(rows, Has.Count.EqualTo(expected), "the distinct rows");
            if (form == SemiJoin)
                Assert.That(sql, Does.StartWith("SELECT COUNT(*) FROM ").And.Not.Contain("DISTINCT"));
            else
                Assert.That(sql, Does.StartWith("SELECT COUNT(DISTINCT t0.\"id\") FROM "));
        }
        return sql;
    }
}
