using RelGen.Tests.Models.Reads;

namespace RelGen.Tests.Reads;

/// <summary>
/// Seeds the reads fixtures' data once: four authors (Dee has no book, Cid no award and no city), six books with NULL ratings
/// and scores, awards and reviews. Every expected number in the tests is computed by hand from this table:
/// <code>
/// author city  books (pages, rating, price, score, published, genre)                         awards  reviews
/// Ann    Oslo  A1 (100, 4, 10.50, 1.5, 2020-01-15, Fiction) A2 (200, -, 20.00, -, 2021-06-30, Poetry)
///              A3 (300, 2, 5.25, 3.0, 2021-12-31, Fiction)                                   2       A1: 5, 4, 3
/// Bob    Oslo  B1 (150, 5, 12.00, 2.5, 2019-03-03, Science) B2 (50, -, 7.00, -, 2019-03-04, Fiction)  1   B1: 2
/// Cid    -     C1 (400, -, 30.00, -, 2022-02-28, Poetry)                                     0
/// Dee    Rome  -                                                                             1
/// </code>
/// A1 was printed 2020-02-01 10:20:30.9 UTC; A3 2021-12-31 23:59:59 UTC; the others never.
/// </summary>
public abstract class ReadsTest : SchemaTest
{
    protected Author Ann { get; private set; } = null!;
    protected Author Bob { get; private set; } = null!;
    protected Author Cid { get; private set; } = null!;
    protected Author Dee { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task SeedReadsAsync()
    {
        Ann = new Author { Name = "Ann", City = "Oslo" };
        Bob = new Author { Name = "Bob", City = "Oslo" };
        Cid = new Author { Name = "Cid", City = null };
        Dee = new Author { Name = "Dee", City = "Rome" };
        await Db.BulkCreateAsync([Ann, Bob, Cid, Dee]);
        var a1 = Book("A1", 100, 4, 10.50m, 1.5, new(2020, 1, 15), Genre.Fiction, Ann, new DateTime(2020, 2, 1, 10, 20, 30, 900, DateTimeKind.Utc));
        var a2 = Book("A2", 200, null, 20.00m, null, new(2021, 6, 30), Genre.Poetry, Ann, null);
        var a3 = Book("A3", 300, 2, 5.25m, 3.0, new(2021, 12, 31), Genre.Fiction, Ann, new DateTime(2021, 12, 31, 23, 59, 59, DateTimeKind.Utc));
        var b1 = Book("B1", 150, 5, 12.00m, 2.5, new(2019, 3, 3), Genre.Science, Bob, null);
        var b2 = Book("B2", 50, null, 7.00m, null, new(2019, 3, 4), Genre.Fiction, Bob, null);
        var c1 = Book("C1", 400, null, 30.00m, null, new(2022, 2, 28), Genre.Poetry, Cid, null);
        await Db.BulkCreateAsync([a1, a2, a3, b1, b2, c1]);
        await Db.BulkCreateAsync(new[]
        {
            new Award { Name = "Gold", Year = 2020, Author = Ann },
            new Award { Name = "Silver", Year = 2021, Author = Ann },
            new Award { Name = "Bronze", Year = 2019, Author = Bob },
            new Award { Name = "Debut", Year = 2023, Author = Dee },
        });
        await Db.BulkCreateAsync(new[]
        {
            new Review { Stars = 5, Text = "great", Book = a1 },
            new Review { Stars = 4, Text = "good", Book = a1 },
            new Review { Stars = 3, Text = "fine", Book = a1 },
            new Review { Stars = 2, Text = "meh", Book = b1 },
        });
    }

    private static Book Book(string title, int pages, int? rating, decimal price, double? score, DateOnly published, Genre genre, Author author, DateTime? printed)
        => new() { Title = title, Pages = pages, Rating = rating, Price = price, Score = score, Published = published, Genre = genre, Author = author, Printed = printed };
}
