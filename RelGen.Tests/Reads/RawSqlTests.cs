using RelGen.Tests.Models.Reads;

namespace RelGen.Tests.Reads;

/// <summary>Raw SQL: every hole a parameter, models by their generated reader, everything else by Dapper, inside the ambient transaction.</summary>
public sealed class RawSqlTests : ReadsTest
{
    public sealed record BookRow(int Id, string Title, DateOnly Published, int? Rating);

    public sealed class BookClass
    {
        public string Title { get; set; } = "";
        public DateOnly Published { get; set; }
        public DateOnly? Printed { get; set; }
        public Genre Genre { get; set; }
        public decimal Price { get; set; }
    }

    [Test]
    public async Task AModelIsReadByItsGeneratedReaderAndLoadsAndSaves()
    {
        var title = "A2";
        Sql.Clear();
        List<Book> books = await Db.QueryAsync<Book>($"SELECT * FROM rd_book WHERE title = {title}");
        Assert.That(Sql.Commands, Is.EqualTo(new[] { "SELECT * FROM rd_book WHERE title = $1" }), "the hole is a parameter");
        var book = books.Single();
        Assert.That((book.Title, book.Pages, book.Rating, book.Genre), Is.EqualTo(("A2", 200, (int?)null, Genre.Poetry)));
        Assert.That(book.Author.Name, Is.EqualTo("Ann"), "lazy-loads its relation");
        Sql.Clear();
        await Db.SaveAsync(book);
        Assert.That(Sql.Count, Is.Zero, "tracked as loaded: nothing changed, nothing sent");
    }

    [Test]
    public async Task AModelsColumnsAreFoundByNameInAnyOrder()
    {
        var books = await Db.QueryAsync<Book>($"SELECT genre, author_id, printed, published, score, price, rating, pages, title, id FROM rd_book ORDER BY pages");
        Assert.That(books.Select(b => (b.Title, b.Pages, b.AuthorId)).First(), Is.EqualTo(("B2", 50, Bob.Id)));
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => Db.QueryAsync<Book>($"SELECT id, title FROM rd_book"));
        Assert.That(error!.Message, Does.Contain("QueryAsync<Book>").And.Contain("pages"));
    }

    [Test]
    public async Task RecordsClassesScalarsAndTuplesAreReadByDapperWithSnakeCaseColumns()
    {
        var minPages = 150;
        List<BookRow> records = await Db.QueryAsync<BookRow>($"SELECT id, title, published, rating FROM rd_book WHERE pages >= {minPages} ORDER BY title");
        Assert.That(records.Select(r => (r.Title, r.Published, r.Rating)), Is.EqualTo(new[]
        {
            ("A2", new DateOnly(2021, 6, 30), (int?)null), ("A3", new DateOnly(2021, 12, 31), (int?)2), ("B1", new DateOnly(2019, 3, 3), (int?)5),
            ("C1", new DateOnly(2022, 2, 28), (int?)null),
        }));
        List<BookClass> classes = await Db.QueryAsync<BookClass>($"SELECT title, published, printed::date AS printed, genre, price FROM rd_book WHERE title IN ('A1', 'A2') ORDER BY title");
        Assert.That(classes.Select(c => (c.Title, c.Published, c.Printed, c.Genre, c.Price)), Is.EqualTo(new[]
        {
            ("A1", new DateOnly(2020, 1, 15), (DateOnly?)new DateOnly(2020, 2, 1), Genre.Fiction, 10.50m),
            ("A2", new DateOnly(2021, 6, 30), (DateOnly?)null, Genre.Poetry, 20.00m),
        }));
        List<long> counts = await Db.QueryAsync<long>($"SELECT COUNT(*) FROM rd_book WHERE author_id = {Ann.Id}");
        Assert.That(counts, Is.EqualTo(new[] { 3L }));
        List<(string, int)> tuples = await Db.QueryAsync<(string, int)>($"SELECT title, pages FROM rd_book WHERE genre = {Genre.Science}");
        Assert.That(tuples, Is.EqualTo(new[] { ("B1", 150) }), "an enum hole is sent as its number");
        List<TimeOnly> times = await Db.QueryAsync<TimeOnly>($"SELECT printed::time FROM rd_book WHERE printed IS NOT NULL ORDER BY printed");
        Assert.That(times, Is.EqualTo(new[] { new TimeOnly(10, 20, 30, 900), new TimeOnly(23, 59, 59) }));
    }

    [Test]
    public async Task ValuesNeverBecomeSqlText()
    {
        var hostile = "x'; DROP TABLE rd_book; --";
        Assert.That(await Db.QueryAsync<Book>($"SELECT * FROM rd_book WHERE title = {hostile}"), Is.Empty);
        Assert.That(await Book.Objects(Db).CountAsync(), Is.EqualTo(6));
        string? nothing = null;
        Assert.That(await Db.QueryAsync<int>($"SELECT pages FROM rd_book WHERE rating IS NOT DISTINCT FROM {nothing}::integer ORDER BY pages"),
            Is.EqualTo(new[] { 50, 200, 400 }));
    }

    [Test]
    public async Task ExecuteRunsInTheAmbientTransactionAndCountsRows()
    {
        await using (var tx = await Db.BeginTransactionAsync())
        {
            var changed = await Db.ExecuteAsync($"UPDATE rd_book SET pages = pages + {1} WHERE author_id = {Bob.Id}");
            Assert.That(changed, Is.EqualTo(2));
            Assert.That(await Db.QueryAsync<int>($"SELECT SUM(pages)::int FROM rd_book WHERE author_id = {Bob.Id}"), Is.EqualTo(new[] { 202 }),
                "the query sees the uncommitted update: same transaction");
            Assert.That(await Book.Objects(Db).Filter(b => b.Author == Bob).SumAsync(b => b.Pages), Is.EqualTo(202));
        }
        Assert.That(await Book.Objects(Db).Filter(b => b.Author == Bob).SumAsync(b => b.Pages), Is.EqualTo(200), "rolled back with the transaction");
    }

    [Test]
    public void AUniqueViolationIsAnIntegrityException()
    {
        var error = Assert.ThrowsAsync<IntegrityException>(() => Db.ExecuteAsync($"INSERT INTO rd_author (id, name) VALUES ({Ann.Id}, {"dup"})"));
        Assert.That(error!.SqlState, Is.EqualTo("23505"));
    }

    [Test]
    public async Task AQuerySetsSqlAndParametersRunThroughDapper()
    {
        // What the README shows: ToSql() has $n placeholders, ToParameters() their values in order.
        var query = Book.Objects(Db).Filter(b => b.Pages > 100 & b.Genre == Genre.Fiction).Select(b => b.Title, b => b.Pages);
        await using var connection = Db.DataSource.CreateConnection();
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(query.ToSql(), connection);
        foreach (var value in query.ToParameters())
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = value });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = Dapper.SqlMapper.Parse<(string, int)>(reader).ToList();
        Assert.That(rows, Is.EqualTo(new[] { ("A3", 300) }));
    }
}
