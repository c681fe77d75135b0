using RelGen.Tests.Models.Reads;

namespace RelGen.Tests.Reads;

/// <summary>Nested and forward PrefetchRelated, prefetch with a query set, explicit async loads; counted in round trips.</summary>
public sealed class PrefetchTests : ReadsTest
{
    [Test]
    public async Task ANestedPathLoadsEachHopInOneQuery()
    {
        Sql.Clear();
        var authors = await Author.Objects(Db).PrefetchRelated(a => a.Book.Review).ToListAsync();
        Assert.That(Sql.Count, Is.EqualTo(3), "authors, their books, the books' reviews");
        var seen = new List<string>();
        foreach (var author in authors)
        {
            foreach (var book in await author.BookSet.ToListAsync())
            {
                Assert.That(book.Author, Is.SameAs(author), "each book knows its author");
                seen.Add($"{author.Name}/{book.Title}:{string.Join(",", (await book.ReviewSet.ToListAsync()).Select(r => r.Stars))}");
            }
        }
        Assert.That(Sql.Count, Is.EqualTo(3), "every set came from the prefetch");
        Assert.That(seen, Is.EqualTo(new[] { "Ann/A1:5,4,3", "Ann/A2:", "Ann/A3:", "Bob/B1:2", "Bob/B2:", "Cid/C1:" }));
    }

    [Test]
    public async Task AForwardRelationIsLoadedForEveryObjectInOneQuery()
    {
        Sql.Clear();
        var reviews = await Review.Objects(Db).PrefetchRelated(r => r.Book.Author).ToListAsync();
        var names = reviews.Select(r => $"{r.Text}:{r.Book.Title}:{r.Book.Author.Name}").ToList();
        Assert.That(Sql.Count, Is.EqualTo(3), "reviews, their books, the books' authors");
        Assert.That(names, Is.EqualTo(new[] { "great:A1:Ann", "good:A1:Ann", "fine:A1:Ann", "meh:B1:Bob" }));
        Assert.That(reviews[0].Book, Is.SameAs(reviews[1].Book), "one object per key");
        Assert.That(Sql.Commands[1], Does.Contain("= ANY(ARRAY(SELECT unnest($1)))"), "the keys as one array the planner does not cost per key");
    }

    [Test]
    public async Task APrefetchWithAQuerySetServesOnlyItsObjectsInItsOrder()
    {
        var authors = await Author.Objects(Db)
            .PrefetchRelated(a => a.Book, Book.Objects(Db).Filter(b => b.Rating != null).OrderBy(b => b.Pages.Desc()))
            .ToListAsync();
        Sql.Clear();
        var sets = new List<string[]>();
        foreach (var author in authors)
            sets.Add([.. (await author.BookSet.ToListAsync()).Select(b => b.Title)]);
        Assert.That(sets, Is.EqualTo(new[] { new[] { "A3", "A1" }, new[] { "B1" }, Array.Empty<string>(), Array.Empty<string>() }));
        Assert.That(Sql.Count, Is.Zero);
    }

    [Test]
    public async Task APrefetchQuerySetCarriesItsOwnLoading()
    {
        Sql.Clear();
        var books = await Book.Objects(Db).Filter(b => b.Title == "A1")
            .PrefetchRelated(b => b.Review, Review.Objects(Db).Filter(r => r.Stars >= 4).SelectRelated(r => r.Book))
            .ToListAsync();
        var reviews = await books[0].ReviewSet.ToListAsync();
        Assert.That(reviews.Select(r => r.Text), Is.EqualTo(new[] { "great", "good" }));
        Assert.That(Sql.Count, Is.EqualTo(2));
        Assert.That(Assert.Throws<ArgumentException>(() => Author.Objects(Db).PrefetchRelated(a => a.Book, Book.Objects(Db).Take(1)))!.Message, Does.Contain("sliced"));
    }

    [Test]
    public async Task EveryTerminalOfAPrefetchedManagerUsesTheCache()
    {
        var ann = (await Author.Objects(Db).Filter(a => a.Name == "Ann").PrefetchRelated(a => a.Book).ToListAsync()).Single();
        var dee = (await Author.Objects(Db).Filter(a => a.Name == "Dee").PrefetchRelated(a => a.Book).ToListAsync()).Single();
        Sql.Clear();
        var streamed = new List<string>();
        await foreach (var book in ann.BookSet)
            streamed.Add(book.Title);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await ann.BookSet.CountAsync(), Is.EqualTo(3));
            Assert.That(await ann.BookSet.ExistsAsync(), Is.True);
            Assert.That(await dee.BookSet.ExistsAsync(), Is.False);
            Assert.That((await ann.BookSet.FirstOrDefaultAsync())!.Title, Is.EqualTo("A1"));
            Assert.That(await dee.BookSet.FirstOrDefaultAsync(), Is.Null);
            Assert.ThrowsAsync<MultipleObjectsReturnedException>(() => ann.BookSet.GetAsync());
            Assert.ThrowsAsync<DoesNotExistException>(() => dee.BookSet.GetAsync());
            Assert.That(streamed, Is.EqualTo(new[] { "A1", "A2", "A3" }));
            Assert.That(Sql.Count, Is.Zero);
        }
        Assert.That(await ann.BookSet.Filter(b => b.Pages > 150).CountAsync(), Is.EqualTo(2), "a further filter queries");
        Assert.That(Sql.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task LoadRelatedAsyncLoadsRelationsOfObjectsAlreadyInMemory()
    {
        var books = await Book.Objects(Db).Filter(b => b.Title.StartsWith("A") | b.Title == "B1").ToListAsync();
        var ann = (await Author.Objects(Db).Filter(a => a.Name == "Ann").ToListAsync()).Single();
        Sql.Clear();
        await Book.Objects(Db).LoadRelatedAsync(books, b => b.Author, b => b.Review);
        await Author.Objects(Db).LoadRelatedAsync(ann, a => a.Award);
        Assert.That(Sql.Count, Is.EqualTo(3));
        Assert.That(books.Select(b => b.Author.Name), Is.EqualTo(new[] { "Ann", "Ann", "Ann", "Bob" }));
        Assert.That(await books[0].ReviewSet.CountAsync(), Is.EqualTo(3));
        Assert.That((await ann.AwardSet.ToListAsync()).Select(a => a.Name), Is.EquivalentTo(new[] { "Gold", "Silver" }));
        Assert.That(Sql.Count, Is.EqualTo(3), "served from what was loaded");
        var other = (await Author.Objects(Db).Filter(a => a.Name == "Ann").ToListAsync()).Single();
        Sql.Clear();
        Assert.That(await other.AwardSet.CountAsync(), Is.EqualTo(2));
        Assert.That(Sql.Count, Is.EqualTo(1), "another object of the same row has its own (unloaded) set");
    }

    [Test]
    public async Task APrefetchOverObjectsOfSeveralQueriesCachesEachSetWithItsOwner()
    {
        // An explicit mode gives each query's objects a context of their own: the prefetch's grouping cannot simply become
        // one context's cache, and the second load finds a cache of the relation already there.
        var ann = (await Author.Objects(Db).Filter(a => a.Name == "Ann").WithFetchMode(FetchMode.One).ToListAsync()).Single();
        var bob = (await Author.Objects(Db).Filter(a => a.Name == "Bob").WithFetchMode(FetchMode.One).ToListAsync()).Single();
        Sql.Clear();
        await Author.Objects(Db).LoadRelatedAsync([ann, bob], a => a.Book);
        await Author.Objects(Db).LoadRelatedAsync(ann, a => a.Book);
        Assert.That(Sql.Count, Is.EqualTo(2));
        Assert.That((await ann.BookSet.ToListAsync()).Select(b => b.Title), Is.EquivalentTo(new[] { "A1", "A2", "A3" }));
        Assert.That((await bob.BookSet.ToListAsync()).Select(b => b.Title), Is.EquivalentTo(new[] { "B1", "B2" }));
        Assert.That(await bob.BookSet.Filter(b => b.Title == "B2").CountAsync(), Is.EqualTo(1));
        Assert.That(Sql.Count, Is.EqualTo(3), "both sets served from the prefetches; only the filtered count queries");
    }

    [Test]
    public async Task TheFetchModeTravelsToPrefetchedObjects()
    {
        var authors = await Author.Objects(Db).Filter(a => a.Name == "Ann").WithFetchMode(FetchMode.Raise).PrefetchRelated(a => a.Book).ToListAsync();
        var book = (await authors[0].BookSet.ToListAsync())[0];
        Assert.That(book.Author, Is.SameAs(authors[0]), "prefetched: attached");
        var review = (await Review.Objects(Db).WithFetchMode(FetchMode.Raise).PrefetchRelated(r => r.Book).ToListAsync())[0];
        Assert.Throws<RelationNotLoadedException>(() => _ = review.Book.Author, "the book, read by the prefetch, is strict too");
    }
}
