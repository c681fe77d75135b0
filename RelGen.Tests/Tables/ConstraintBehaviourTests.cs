using Npgsql;
using RelGen.Tests.Library;
using RelGen.Tests.Models.Tables;
using RelGen.Tests.Support;

namespace RelGen.Tests.Tables;

/// <summary>
/// What the declared schema does with real rows: unique and check constraints refuse through IntegrityException, database
/// defaults fill rows written without the column, base-class and renamed columns round-trip, [EmailAddress] is checked before
/// anything is sent, and a relation to a model of another assembly works like any other.
/// </summary>
public sealed class ConstraintBehaviourTests : SchemaTest
{
    [SetUp]
    public async Task EmptyTablesAsync()
    {
        await TableReset.TruncateAsync(ConnectionString, "sch_");
        await TableReset.TruncateAsync(ConnectionString, "lib_");
    }

    private static SchemaMember Member(string name, string? email = null, string? slug = null) => new()
    {
        FirstName = name,
        LastName = "Lovelace",
        Email = email ?? name.ToLowerInvariant() + "@example.com",
        Slug = slug ?? name.ToLowerInvariant(),
        Age = 36,
        CreatedAt = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero),
    };

    [Test]
    public async Task AUniqueColumnRefusesASecondRowWithTheSameValue()
    {
        await Db.SaveAsync(Member("Ada", email: "ada@example.com"));

        var error = Assert.ThrowsAsync<IntegrityException>(() => Db.SaveAsync(Member("Augusta", email: "ada@example.com")))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.SqlState, Is.EqualTo(PostgresErrorCodes.UniqueViolation));
            Assert.That(error.PostgresException.ConstraintName, Is.EqualTo("sch_member_email_key"));
        }
        Assert.That(await SchemaMember.Objects(Db).CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task AUniqueIndexRefusesASecondRowWithTheSameValue()
    {
        await Db.SaveAsync(Member("Ada", slug: "ada"));

        var error = Assert.ThrowsAsync<IntegrityException>(() => Db.SaveAsync(Member("Augusta", slug: "ada")))!;

        Assert.That(error.PostgresException.ConstraintName, Is.EqualTo("sch_member_slug_idx"));
    }

    [Test]
    public async Task ACheckConstraintRefusesARowThatBreaksIt()
    {
        var member = Member("Young");
        member.Age = -1;

        var error = Assert.ThrowsAsync<IntegrityException>(() => Db.SaveAsync(member))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.SqlState, Is.EqualTo(PostgresErrorCodes.CheckViolation));
            Assert.That(error.PostgresException.ConstraintName, Is.EqualTo("sch_member_age_not_negative"));
        }
    }

    [Test]
    public async Task AUniqueForeignKeyAllowsOneRowPerTarget()
    {
        var member = Member("Ada");
        await Db.SaveAsync(member);
        await Db.SaveAsync(new SchemaBadge { Name = "first", Member = member });

        var error = Assert.ThrowsAsync<IntegrityException>(() => Db.SaveAsync(new SchemaBadge { Name = "second", Member = member }))!;

        Assert.That(error.PostgresException.ConstraintName, Is.EqualTo("sch_badge_member_id_key"));
    }

    [Test]
    public async Task DatabaseDefaultsFillRowsWrittenWithoutTheColumn()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO sch_member (given_name, last_name, email, slug, age, created_at) VALUES ('Raw', 'Row', 'raw@example.com', 'raw', 1, now()) RETURNING id",
            connection);
        var id = (int)(await insert.ExecuteScalarAsync())!;

        var loaded = await SchemaMember.Objects(Db).GetAsync(m => m.Id == id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded.CreatedBy, Is.EqualTo("system"), "[DefaultSql(\"'system'\")] on the base class");
            Assert.That(loaded.Joined, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(5)), "[DefaultSql(\"now()\")]");
        }
    }

    [Test]
    public async Task BaseClassAndRenamedColumnsRoundTripAndFilter()
    {
        var member = Member("Ada");
        member.CreatedBy = "importer";
        await Db.SaveAsync(member);
        member.LastName = "King";
        await Db.SaveAsync(member);

        var loaded = await SchemaMember.Objects(Db).Filter(m => m.CreatedBy == "importer" & m.FirstName == "Ada").GetAsync(m => m.Id == member.Id);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var stored = await new NpgsqlCommand($"SELECT given_name || ' ' || last_name || ' ' || created_by FROM sch_member WHERE id = {member.Id}", connection).ExecuteScalarAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded.Id, Is.EqualTo(member.Id), "the base class's Id is the identity key");
            Assert.That(loaded.CreatedAt, Is.EqualTo(member.CreatedAt));
            Assert.That(loaded.LastName, Is.EqualTo("King"));
            Assert.That(stored, Is.EqualTo("Ada King importer"), "FirstName lives in given_name ([Column])");
        }
    }

    [TestCase("ada.example.com")]
    [TestCase("@example.com")]
    [TestCase("ada@")]
    [TestCase("a@b@example.com")]
    [TestCase("ada@example.com\n")]
    public void AnEmailAddressThatIsNoneIsRefusedBeforeAnythingIsSent(string email)
    {
        Sql.Clear();

        var error = Assert.ThrowsAsync<ModelValidationException>(() => Db.SaveAsync(Member("Ada", email: email)))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Model, Is.EqualTo("SchemaMember"));
            Assert.That(error.Property, Is.EqualTo("Email"));
            Assert.That(error.Message, Does.Contain("not an e-mail address"));
            Assert.That(Sql.Count, Is.Zero, "nothing may be sent");
        }
    }

    [Test]
    public async Task AnEmailAddressOrNoneIsAccepted()
    {
        await Db.SaveAsync(Member("Ada", email: "ada@example.com"));
        await Db.SaveAsync(Member("Blank", email: ""));
        await Db.BulkCreateAsync([Member("Bulk", email: "bulk@example.org")]);

        Assert.That(await SchemaMember.Objects(Db).CountAsync(), Is.EqualTo(3));
        Assert.ThrowsAsync<ModelValidationException>(() => Db.BulkCreateAsync([Member("Bad", email: "bad")]));
    }

    [Test]
    public async Task ARelationToAModelOfAnotherAssemblyLoadsFiltersAndProtects()
    {
        var author = new LibraryAuthor { Name = "Ursula" };
        await Db.SaveAsync(author);
        await Db.SaveAsync(new LibraryBook { Title = "The Dispossessed", Author = author });

        var books = await LibraryBook.Objects(Db).Filter(b => b.Author.Name == "Ursula").SelectRelated(b => b.Author).ToListAsync();
        var lazily = (await LibraryBook.Objects(Db).GetAsync(b => b.Title == "The Dispossessed")).Author;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(books.Select(b => b.Title + " by " + b.Author.Name), Is.EqualTo(new[] { "The Dispossessed by Ursula" }));
            Assert.That(lazily.Id, Is.EqualTo(author.Id));
        }
        Assert.ThrowsAsync<ProtectedException>(() => Db.DeleteAsync(author), "OnDelete.Protect across assemblies");
    }
}
