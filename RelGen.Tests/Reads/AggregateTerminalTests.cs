using RelGen.Tests.Models.Reads;

namespace RelGen.Tests.Reads;

/// <summary>SumAsync, AverageAsync, MinAsync, MaxAsync over a query set: typed as PostgreSQL computes them, NULLs left out, null over no rows.</summary>
public sealed class AggregateTerminalTests : ReadsTest
{
    [Test]
    public async Task SumsAreTypedAsPostgresComputesThem()
    {
        long? pages = await Book.Objects(Db).SumAsync(b => b.Pages);
        long? ratings = await Book.Objects(Db).SumAsync(b => b.Rating);
        decimal? prices = await Book.Objects(Db).SumAsync(b => b.Price);
        double? scores = await Book.Objects(Db).SumAsync(b => b.Score);
        long? years = await Award.Objects(Db).SumAsync(a => a.Year);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pages, Is.EqualTo(1200));
            Assert.That(ratings, Is.EqualTo(11), "NULL ratings are left out");
            Assert.That(prices, Is.EqualTo(84.75m));
            Assert.That(scores, Is.EqualTo(7.0).Within(1e-9));
            Assert.That(years, Is.EqualTo(2020 + 2021 + 2019 + 2023), "a short sums to a long");
        }
    }

    [Test]
    public async Task AveragesLeaveNullsOut()
    {
        decimal? rating = await Book.Objects(Db).AverageAsync(b => b.Rating);
        decimal? pages = await Book.Objects(Db).Filter(b => b.Author == Ann).AverageAsync(b => b.Pages);
        double? score = await Book.Objects(Db).AverageAsync(b => b.Score);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rating, Is.EqualTo(11m / 3).Within(1e-15m), "(4 + 2 + 5) / 3, not / 6");
            Assert.That(pages, Is.EqualTo(200m));
            Assert.That(score, Is.EqualTo(7.0 / 3).Within(1e-12));
        }
    }

    [Test]
    public async Task MinAndMaxKeepTheFieldsType()
    {
        int? fewest = await Book.Objects(Db).MinAsync(b => b.Pages);
        int? most = await Book.Objects(Db).MaxAsync(b => b.Pages);
        DateOnly? first = await Book.Objects(Db).MinAsync(b => b.Published);
        DateOnly? last = await Book.Objects(Db).MaxAsync(b => b.Published);
        string? title = await Book.Objects(Db).MaxAsync(b => b.Title);
        Genre? genre = await Book.Objects(Db).MaxAsync(b => b.Genre);
        int? bestRating = await Book.Objects(Db).MaxAsync(b => b.Rating);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((fewest, most), Is.EqualTo(((int?)50, (int?)400)));
            Assert.That((first, last), Is.EqualTo(((DateOnly?)new DateOnly(2019, 3, 3), (DateOnly?)new DateOnly(2022, 2, 28))));
            Assert.That(title, Is.EqualTo("C1"));
            Assert.That(genre, Is.EqualTo(Genre.Science));
            Assert.That(bestRating, Is.EqualTo(5));
        }
    }

    [Test]
    public async Task OverNoRowsEveryAggregateIsNull()
    {
        var none = Book.Objects(Db).Filter(b => b.Pages > 10_000);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await none.SumAsync(b => b.Pages), Is.Null);
            Assert.That(await none.AverageAsync(b => b.Pages), Is.Null);
            Assert.That(await none.MinAsync(b => b.Published), Is.Null);
            Assert.That(await none.MaxAsync(b => b.Title), Is.Null);
            Assert.That(await none.CountAsync(), Is.Zero);
            Assert.That(await Book.Objects(Db).Filter(b => b.Author == Dee).SumAsync(b => b.Rating), Is.Null);
            Assert.That(await Book.Objects(Db).Filter(b => b.Author == Cid).AverageAsync(b => b.Rating), Is.Null, "only NULL ratings");
        }
    }

    [Test]
    public async Task ASlicedQueryAggregatesTheRowsItReturns()
    {
        var query = Book.Objects(Db).OrderBy(b => b.Pages).Take(2);
        Assert.That(await query.SumAsync(b => b.Pages), Is.EqualTo(150), "B2 (50) and A1 (100)");
        Assert.That(await Book.Objects(Db).OrderBy(b => b.Pages.Desc()).Skip(1).Take(2).SumAsync(b => b.Pages), Is.EqualTo(300 + 200));
    }

    [Test]
    public async Task ADistinctQueryAggregatesEachRowOnce()
    {
        // A1 has three reviews above 2 stars: the join repeats it three times, Distinct() once (Django's distinct().aggregate()).
        var reviewed = Book.Objects(Db).Filter(b => b.Review.Stars > 2);
        Assert.That(await reviewed.SumAsync(b => b.Pages), Is.EqualTo(300), "the joined rows, as Django counts them");
        Assert.That(await reviewed.Distinct().SumAsync(b => b.Pages), Is.EqualTo(100));
    }

    [Test]
    public async Task AnAggregateAcrossAReverseRelationReadsEveryRelatedRow()
    {
        // Django's Author.objects.filter(...).aggregate(Sum("book__pages")).
        Assert.That(await Author.Objects(Db).Filter(a => a.City == "Oslo").SumAsync(a => a.Book.Pages), Is.EqualTo(800));
        Assert.That(await Author.Objects(Db).SumAsync(a => a.Book.Pages), Is.EqualTo(1200));
    }

    [Test]
    public async Task AnAggregateIsOneStatementWithItsValuesAsParameters()
    {
        Sql.Clear();
        await Book.Objects(Db).Filter(b => b.Title.StartsWith("A")).SumAsync(b => b.Pages * 2);
        Assert.That(Sql.Commands, Has.Count.EqualTo(1));
        Assert.That(Sql.Commands[0], Is.EqualTo("SELECT CAST(SUM((t0.\"pages\" * $2)) AS bigint) FROM \"rd_book\" t0 WHERE t0.\"title\" LIKE $1"));
    }
}
