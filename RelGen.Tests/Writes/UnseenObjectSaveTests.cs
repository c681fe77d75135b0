using Npgsql;
using RelGen.Tests.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Writes;

/// <summary>
/// <c>SaveAsync</c> of an object RelGen has not seen (made with <c>new</c>, never loaded or saved) whose key is given by hand,
/// for <c>int</c>, <c>long</c> and <c>string</c> keys (issue 11, item 7). README, "Objects RelGen has not seen": Django's
/// rule, an UPDATE of every column by key, then an INSERT with that key when no row matched. The rows are written and read
/// with plain Npgsql, so nothing RelGen remembers takes part.
/// </summary>
public sealed class UnseenObjectSaveTests : SchemaTest
{
    [SetUp]
    public async Task ResetAsync()
    {
        await TableReset.TruncateAsync(ConnectionString, "w_");
        Sql.Clear();
    }

    private async Task<List<object?[]>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Test]
    public async Task AnIntKeyMatchingARowUpdatesThatRow()
    {
        await ExecuteAsync("INSERT INTO w_tag (id, slug, name, uses) VALUES (7, 'news', 'News', 5)");
        var dto = new Tag { Id = 7, Slug = "news", Name = "Latest news" };

        await Db.SaveAsync(dto);

        Assert.That(Sql.Commands, Has.Count.EqualTo(1));
        Assert.That(Sql.Commands[0], Does.StartWith("UPDATE \"w_tag\" SET "));
        // Every column is written, as Django's save() does: Uses was 0 in the object, so it is 0 in the row.
        var rows = await RowsAsync("SELECT id, slug, name, uses FROM w_tag");
        Assert.That(rows, Is.EqualTo(new[] { new object?[] { 7, "news", "Latest news", 0 } }));
    }

    [Test]
    public async Task AnIntKeyMatchingNoRowIsInsertedWithThatKey()
    {
        await ExecuteAsync("INSERT INTO w_tag (slug, name, uses) VALUES ('a', 'A', 1)");
        var dto = new Tag { Id = 42, Slug = "b", Name = "B", Uses = 2 };

        await Db.SaveAsync(dto);

        Assert.That(Sql.Commands, Has.Count.EqualTo(2));
        Assert.That(Sql.Commands[0], Does.StartWith("UPDATE \"w_tag\" SET "));
        Assert.That(Sql.Commands[1], Does.StartWith("INSERT INTO \"w_tag\""));
        var rows = await RowsAsync("SELECT id, slug, name, uses FROM w_tag ORDER BY id");
        Assert.That(rows, Is.EqualTo(new[] { new object?[] { 1, "a", "A", 1 }, new object?[] { 42, "b", "B", 2 } }));
        Assert.That(dto.Id, Is.EqualTo(42));
    }

    [Test]
    public async Task ALongKeyMatchingARowUpdatesItAndOneMatchingNoRowIsInserted()
    {
        await ExecuteAsync("INSERT INTO w_parcel (id, label, grams) VALUES (5000000000, 'box', 100)");

        await Db.SaveAsync(new Parcel { Id = 5_000_000_000, Label = "crate", Grams = 2500 });
        await Db.SaveAsync(new Parcel { Id = 6_000_000_000, Label = "envelope", Grams = 20 });

        var rows = await RowsAsync("SELECT id, label, grams FROM w_parcel ORDER BY id");
        Assert.That(rows, Is.EqualTo(new[]
        {
            new object?[] { 5_000_000_000L, "crate", 2500 },
            new object?[] { 6_000_000_000L, "envelope", 20 },
        }));
    }

    [Test]
    public async Task AStringKeyMatchingARowUpdatesEveryColumnOfThatRow()
    {
        await ExecuteAsync("INSERT INTO w_country (code, name, capital) VALUES ('FR', 'France', 'Paris'), ('DE', 'Germany', 'Berlin')");
        var dto = new Country { Code = "FR", Name = "French Republic" };

        await Db.SaveAsync(dto);

        Assert.That(Sql.Commands, Has.Count.EqualTo(1));
        Assert.That(Sql.Commands[0], Does.StartWith("UPDATE \"w_country\" SET "));
        // Capital was null in the object: the row's 'Paris' is overwritten (an unseen object is the whole row).
        var rows = await RowsAsync("SELECT code, name, capital FROM w_country ORDER BY code");
        Assert.That(rows, Is.EqualTo(new[]
        {
            new object?[] { "DE", "Germany", "Berlin" },
            new object?[] { "FR", "French Republic", null },
        }));
    }

    [Test]
    public async Task AStringKeyMatchingNoRowIsInsertedAndThenTracked()
    {
        var dto = new Country { Code = "IT", Name = "Italy", Capital = "Rome" };

        await Db.SaveAsync(dto);

        Assert.That(await RowsAsync("SELECT code, name, capital FROM w_country"), Is.EqualTo(new[] { new object?[] { "IT", "Italy", "Rome" } }));
        // Saved once, the object is known: an unchanged save sends nothing, a change sends its column only.
        Sql.Clear();
        await Db.SaveAsync(dto);
        Assert.That(Sql.Count, Is.Zero);
        dto.Capital = "Roma";
        await Db.SaveAsync(dto);
        Assert.That(Sql.Commands.Single(), Does.StartWith("UPDATE \"w_country\" SET \"capital\" = $1"));
        Assert.That(await RowsAsync("SELECT capital FROM w_country WHERE code = 'IT'"), Is.EqualTo(new[] { new object?[] { "Roma" } }));
    }

    [Test]
    public async Task TwoUnseenObjectsWithOneStringKeyEndInOneRow()
    {
        await Db.SaveAsync(new Country { Code = "ES", Name = "Spain" });
        await Db.SaveAsync(new Country { Code = "ES", Name = "España", Capital = "Madrid" });

        Assert.That(await RowsAsync("SELECT code, name, capital FROM w_country"), Is.EqualTo(new[] { new object?[] { "ES", "España", "Madrid" } }));
    }
}
