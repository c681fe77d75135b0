using Npgsql;
using RelGen.Query;
using RelGen.Tests.Models;
using RelGen.Tests.Models.Reads;
using RelGen.Tests.Support;

namespace RelGen.Tests.Writes;

/// <summary>
/// BulkCreateAsync with a conflict rule (Django's bulk_create(ignore_conflicts / update_conflicts), PostgreSQL's ON CONFLICT):
/// one statement whatever the size, and every object ends up with its row's key.
/// </summary>
public sealed class UpsertTests : SchemaTest
{
    [SetUp]
    public async Task ResetAsync()
    {
        await TableReset.TruncateAsync(ConnectionString, "w_");
        await TableReset.TruncateAsync(ConnectionString, "story");
        await TableReset.TruncateAsync(ConnectionString, "label");
        Sql.Clear();
    }

    private async Task<Tag> ExistingAsync(string slug, string name)
    {
        var tag = new Tag { Slug = slug, Name = name, Uses = 1 };
        await Db.SaveAsync(tag);
        Sql.Clear();
        return tag;
    }

    [Test]
    [Description("django: bulk_create test_ignore_conflicts_ignore")]
    public async Task IgnoredClashesKeepTheRowAndGiveTheObjectItsKey()
    {
        var existing = await ExistingAsync("a", "old");
        var tags = new[] { new Tag { Slug = "a", Name = "new" }, new Tag { Slug = "b", Name = "b" }, new Tag { Slug = "c", Name = "c" } };
        await Tag.Objects(Db).BulkCreateAsync(tags, t => Conflict.On(t.Slug).Ignore());
        Assert.That(Sql.Count, Is.EqualTo(1), "one statement");
        Assert.That(tags[0].Id, Is.EqualTo(existing.Id), "the clashing object gets the existing row's key");
        var rows = (await Tag.Objects(Db).ToListAsync()).ToDictionary(t => t.Slug);
        Assert.That(rows.Count, Is.EqualTo(3));
        Assert.That(rows["a"].Name, Is.EqualTo("old"), "ignored: the row is left alone");
        Assert.That(tags.Select(t => t.Id), Is.EqualTo(new[] { rows["a"].Id, rows["b"].Id, rows["c"].Id }));
    }

    [Test]
    [Description("django: bulk_create test_update_conflicts_unique_fields")]
    public async Task UpdatedClashesTakeTheNamedFieldsOnly()
    {
        var existing = await ExistingAsync("a", "old");
        var tags = new[] { new Tag { Slug = "b", Name = "B", Uses = 5 }, new Tag { Slug = "a", Name = "A", Uses = 7 } };
        await Tag.Objects(Db).BulkCreateAsync(tags, t => Conflict.On(t.Slug).Update(t.Name));
        Assert.That(Sql.Commands.Single(), Does.Contain("ON CONFLICT (\"slug\") DO UPDATE SET \"name\" = EXCLUDED.\"name\""));
        Assert.That(tags[1].Id, Is.EqualTo(existing.Id));
        var a = await Tag.Objects(Db).GetAsync(t => t.Slug == "a");
        Assert.That((a.Name, a.Uses), Is.EqualTo(("A", 1)), "Name updated, Uses not named so kept");
        Assert.That((await Tag.Objects(Db).GetAsync(t => t.Slug == "b")).Id, Is.EqualTo(tags[0].Id));
    }

    [Test]
    public async Task TenThousandRowsHalfExistingAreOneStatementAndAllGetTheirKeys()
    {
        await Db.BulkCreateAsync(Enumerable.Range(0, 5_000).Select(i => new Tag { Slug = $"s{i:D5}", Name = "old" }));
        var before = (await Tag.Objects(Db).ToListAsync()).ToDictionary(t => t.Slug, t => t.Id);
        // Reversed order: keys must follow the objects, not the insert order.
        var tags = Enumerable.Range(0, 10_000).Reverse().Select(i => new Tag { Slug = $"s{i:D5}", Name = "new", Uses = i }).ToList();
        Sql.Clear();
        await Tag.Objects(Db).BulkCreateAsync(tags, t => Conflict.On(t.Slug).Update(t.Name, t.Uses));
        Assert.That(Sql.Count, Is.EqualTo(1));
        var after = (await Tag.Objects(Db).ToListAsync()).ToDictionary(t => t.Slug);
        Assert.That(after.Count, Is.EqualTo(10_000));
        Assert.That(tags.All(t => after[t.Slug].Id == t.Id), Is.True, "every object holds its row's key");
        Assert.That(before.All(kv => after[kv.Key].Id == kv.Value), Is.True, "existing rows kept their keys");
        Assert.That(after.Values.All(t => t.Name == "new" && t.Uses == int.Parse(t.Slug[1..], System.Globalization.CultureInfo.InvariantCulture)), Is.True);
    }

    [Test]
    public async Task DuplicatesWithinTheBatchShareTheRowWhenIgnoredAndAreRefusedWhenUpdated()
    {
        var twins = new[] { new Tag { Slug = "t", Name = "first" }, new Tag { Slug = "t", Name = "second" } };
        await Tag.Objects(Db).BulkCreateAsync(twins, t => Conflict.On(t.Slug).Ignore());
        Assert.That(twins[0].Id, Is.EqualTo(twins[1].Id));
        Assert.That((await Tag.Objects(Db).GetAsync(t => t.Slug == "t")).Name, Is.EqualTo("first"));
        var again = new[] { new Tag { Slug = "u", Name = "1" }, new Tag { Slug = "u", Name = "2" } };
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => Tag.Objects(Db).BulkCreateAsync(again, t => Conflict.On(t.Slug).Update(t.Name)));
        Assert.That(error!.Message, Does.Contain("Slug").And.Contain("Nothing was written"));
        Assert.That(await Tag.Objects(Db).Filter(t => t.Slug == "u").ExistsAsync(), Is.False);
    }

    [Test]
    public void AConflictTargetWithoutAUniqueConstraintIsAClearError()
    {
        var error = Assert.ThrowsAsync<InvalidOperationException>(() =>
            Tag.Objects(Db).BulkCreateAsync([new Tag { Slug = "x", Name = "x" }], t => Conflict.On(t.Name).Ignore()));
        Assert.That(error!.Message, Does.Contain("Tag").And.Contain("(Name)"));
    }

    [Test]
    public void RefusalsHappenBeforeAnythingIsSent()
    {
        Assert.ThrowsAsync<ModelValidationException>(() =>
            Tag.Objects(Db).BulkCreateAsync([new Tag { Slug = "ok" }, new Tag { Slug = new string('x', 31) }], t => Conflict.On(t.Slug).Ignore()));
        var nullTarget = Assert.ThrowsAsync<ModelValidationException>(() =>
            Label.Objects(Db).BulkCreateAsync([new Label { Name = "n", Note = null }], l => Conflict.On(l.Note).Ignore()));
        Assert.That(nullTarget!.Property, Is.EqualTo("Note"));
        Assert.ThrowsAsync<ArgumentException>(() => Tag.Objects(Db).BulkCreateAsync([new Tag { Slug = "k" }], t => Conflict.On(t.Id).Ignore()));
        Assert.ThrowsAsync<ArgumentException>(() => Story.Objects(Db).BulkCreateAsync([new Story { Title = "k" }], s => Conflict.On(s.Author!.Email).Ignore()));
        Assert.ThrowsAsync<ArgumentException>(() => Tag.Objects(Db).BulkCreateAsync([new Tag { Slug = "k" }], t => Conflict.On(t.Slug).Update(t.Id)));
        Assert.Throws<ArgumentException>(() => Conflict.On());
        Assert.That(Sql.Count, Is.Zero);
    }

    [Test]
    public async Task AnApplicationKeyIsItsOwnConflictTarget()
    {
        var code = Guid.NewGuid();
        await Db.SaveAsync(new Label { Code = code, Name = "old" });
        var labels = new[] { new Label { Code = code, Name = "new" }, new Label { Name = "fresh" } };
        await Label.Objects(Db).BulkCreateAsync(labels, l => Conflict.On(l.Code).Update(l.Name));
        Assert.That(labels[1].Code, Is.Not.EqualTo(Guid.Empty), "a new Guid key is assigned");
        Assert.That((await Label.Objects(Db).GetAsync(l => l.Code == code)).Name, Is.EqualTo("new"));
        Assert.That(await Label.Objects(Db).CountAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task AnUpdatedClashMovesTheVersionOnAndTheObjectHoldsIt()
    {
        var document = new Document { Title = "t", Body = "old" };
        await Db.SaveAsync(document);
        var incoming = new[] { new Document { Id = document.Id, Title = "t", Body = "new" }, new Document { Title = "other", Body = "b" } };
        await Document.Objects(Db).BulkCreateAsync(incoming, d => Conflict.On(d.Id).Update(d.Body));
        Assert.That((incoming[0].Version, incoming[1].Version), Is.EqualTo((1, 0)));
        var stored = await Document.Objects(Db).GetAsync(d => d.Id == document.Id);
        Assert.That((stored.Body, stored.Version), Is.EqualTo(("new", 1)));
        incoming[0].Body = "saved after";
        await Db.SaveAsync(incoming[0]);
        Assert.That(incoming[0].Version, Is.EqualTo(2), "the object's version was the row's, so its save matched");
    }

    [Test]
    public async Task AReverseManagerPointsTheObjectsAtItsOwner()
    {
        var reporter = new Reporter { FirstName = "Up", LastName = "Sert" };
        await Db.SaveAsync(reporter);
        var stories = new[] { new Story { Title = "one", Published = new DateOnly(2024, 1, 1) }, new Story { Title = "two", Published = new DateOnly(2024, 1, 1) } };
        await reporter.StorySet.BulkCreateAsync(stories, s => Conflict.On(s.Title).Update(s.Views));
        Assert.That(stories.All(s => s.AuthorId == reporter.Id), Is.True);
        Assert.That(await reporter.StorySet.CountAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task ConcurrentIgnoringUpsertsOfTheSameSlugsFromTwoConnectionsAgreeOnTheKeys()
    {
        await using var other = RelGenDatabase.Create(ConnectionString);
        var mine = Enumerable.Range(0, 500).Select(i => new Tag { Slug = "c" + i, Name = "mine" }).ToList();
        var theirs = Enumerable.Range(0, 500).Select(i => new Tag { Slug = "c" + i, Name = "theirs" }).ToList();
        await Task.WhenAll(
            Task.Run(() => Tag.Objects(Db).BulkCreateAsync(mine, t => Conflict.On(t.Slug).Ignore())),
            Task.Run(() => Tag.Objects(other).BulkCreateAsync(theirs, t => Conflict.On(t.Slug).Ignore())));
        Assert.That(await Tag.Objects(Db).CountAsync(), Is.EqualTo(500));
        Assert.That(mine.Zip(theirs).All(p => p.First.Id == p.Second.Id && p.First.Id > 0), Is.True);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A BEFORE INSERT trigger that leaves out the rows whose <paramref name="column"/> is <paramref name="value"/>.</summary>
    private Task LeaveOutAsync(string table, string column, string value) => ExecuteAsync($"""
        CREATE OR REPLACE FUNCTION upsert_leave_out() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.{column}::text = '{value}' THEN RETURN NULL; END IF; RETURN NEW; END $$;
        CREATE TRIGGER upsert_leave_out BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION upsert_leave_out();
        """);

    private Task StopLeavingOutAsync(string table) => ExecuteAsync($"DROP TRIGGER IF EXISTS upsert_leave_out ON {table}; DROP FUNCTION IF EXISTS upsert_leave_out()");

    [Test]
    public async Task AnUpdatedClashReturnsItsValuesAndTheObjectsTakeTheRowsWithTheirValuesNotTheirPositions()
    {
        // RETURNING has one row fewer than the input: a trigger leaves out the insert of existing "c" (a BEFORE INSERT trigger
        // runs before the conflict check, so the row is neither inserted nor updated). From there every row is one place early;
        // placed by position, "c" would take "d"'s key, and "d" "e"'s.
        var a = await ExistingAsync("a", "old");
        var c = await ExistingAsync("c", "old");
        await LeaveOutAsync("w_tag", "slug", "c");
        try
        {
            var tags = new[] { "a", "b", "c", "d", "e" }.Select(slug => new Tag { Slug = slug, Name = "new" }).ToArray();
            await Tag.Objects(Db).BulkCreateAsync(tags, t => Conflict.On(t.Slug).Update(t.Name));
            Assert.That(Sql.Commands[0], Does.StartWith("INSERT INTO \"w_tag\" AS t").And.EndWith("RETURNING t.\"id\", t.\"slug\""),
                "an update on text: the row's values come back with it");
            Assert.That(Sql.Count, Is.EqualTo(2), "the object whose row did not come back is read by its value");
            var rows = (await Tag.Objects(Db).ToListAsync()).ToDictionary(t => t.Slug);
            Assert.That(tags.Select(t => t.Id), Is.EqualTo(tags.Select(t => rows[t.Slug].Id)), "every object holds its own row's key");
            Assert.That((tags[0].Id, tags[2].Id), Is.EqualTo((a.Id, c.Id)));
            Assert.That((rows["a"].Name, rows["c"].Name), Is.EqualTo(("new", "old")), "the left-out row was not updated");
        }
        finally
        {
            await StopLeavingOutAsync("w_tag");
        }
    }

    [Test]
    public async Task AnUpdatedClashGivesEachObjectItsOwnRowsVersionWhateverTheOrderOfTheRows()
    {
        var existing = Enumerable.Range(0, 3).Select(i => new Document { Id = Guid.NewGuid(), Title = "e" + i, Body = "old" }).ToArray();
        foreach (var document in existing)
            await Db.SaveAsync(document);
        // Versions 0, 5 and 7 before the upsert; the second is left out by the trigger, so it keeps its 5.
        await ExecuteAsync($"UPDATE w_document SET version = 5 WHERE id = '{existing[1].Id}'; UPDATE w_document SET version = 7 WHERE id = '{existing[2].Id}'");
        await LeaveOutAsync("w_document", "id", existing[1].Id.ToString());
        try
        {
            Sql.Clear();
            var incoming = new[]
            {
                new Document { Id = existing[0].Id, Title = "e0", Body = "new" }, new Document { Title = "n0", Body = "new" },
                new Document { Id = existing[1].Id, Title = "e1", Body = "new" }, new Document { Title = "n1", Body = "new" },
                new Document { Id = existing[2].Id, Title = "e2", Body = "new" },
            };
            await Document.Objects(Db).BulkCreateAsync(incoming, d => Conflict.On(d.Id).Update(d.Body));
            Assert.That(Sql.Commands[0], Does.StartWith("INSERT INTO \"w_document\" AS t"));
            Assert.That(incoming.Select(d => d.Version), Is.EqualTo(new[] { 1, 0, 5, 0, 8 }), "updated rows moved on, the left-out row kept its version");
            var stored = (await Document.Objects(Db).ToListAsync()).ToDictionary(d => d.Id, d => d.Version);
            Assert.That(incoming.All(d => stored[d.Id] == d.Version), Is.True, "every object holds its own row's version");
        }
        finally
        {
            await StopLeavingOutAsync("w_document");
        }
    }

    [Test]
    public async Task AnUpdatedClashOnANumericColumnIsMatchedInTheDatabase()
    {
        // numeric is rounded to its scale when stored, so its value may not read back as sent: the statement joins its rows to the input.
        await ExecuteAsync("CREATE UNIQUE INDEX upsert_story_price ON story (price)");
        try
        {
            var old = new[] { new Story { Title = "old 2.5", Price = 2.5m }, new Story { Title = "old 1.5", Price = 1.5m } };
            await Db.BulkCreateAsync(old);
            Sql.Clear();
            var stories = new[] { 1m, 2.5m, 3m, 1.50m }.Select((p, i) => new Story { Title = "new " + i, Price = p, Views = i + 1 }).ToArray();
            await Story.Objects(Db).BulkCreateAsync(stories, s => Conflict.On(s.Price).Update(s.Views));
            Assert.That(Sql.Commands.Single(), Does.StartWith("WITH v AS"));
            Assert.That((stories[1].Id, stories[3].Id), Is.EqualTo((old[0].Id, old[1].Id)), "the clashes hold the existing rows' keys");
            var rows = (await Story.Objects(Db).ToListAsync()).ToDictionary(s => s.Price);
            Assert.That(stories.Select(s => s.Id), Is.EqualTo(stories.Select(s => rows[s.Price].Id)));
            Assert.That(stories.Select(s => rows[s.Price].Views), Is.EqualTo(new[] { 1, 2, 3, 4 }));
        }
        finally
        {
            await ExecuteAsync("DROP INDEX IF EXISTS upsert_story_price");
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task AClashOnANumericColumnFindsItsRowWhenTheValueIsRoundedToTheScale(bool update)
    {
        // price is numeric(10,2): 2.499 is stored as 2.50, so it clashes with the row holding 2.50 and must find that row.
        await PriceTier.Objects(Db).DeleteAsync();
        var old = new PriceTier { Name = "old", Price = 2.50m };
        await Db.SaveAsync(old);
        var tiers = new[] { new PriceTier { Name = "new", Price = 2.499m }, new PriceTier { Name = "other", Price = 7m } };
        if (update)
            await PriceTier.Objects(Db).BulkCreateAsync(tiers, t => Conflict.On(t.Price).Update(t.Name));
        else
            await PriceTier.Objects(Db).BulkCreateAsync(tiers, t => Conflict.On(t.Price).Ignore());
        Assert.That(tiers[0].Id, Is.EqualTo(old.Id), "the clash holds the existing row's key");
        var rows = await PriceTier.Objects(Db).ToListAsync();
        Assert.That(rows.Select(t => (t.Id, t.Name, t.Price)), Is.EquivalentTo(new[] { (old.Id, update ? "new" : "old", 2.50m), (tiers[1].Id, "other", 7m) }));
    }

    [Test]
    public async Task AnArrayColumnIsRefusedBySetBasedWritesBeforeAnythingIsSent()
    {
        // A PostgreSQL array is rectangular: one array parameter cannot carry a row's int[] per element.
        var gadgets = new[] { new Gadget { Name = "a", Sizes = [1, 2] }, new Gadget { Name = "b", Sizes = [3] } };
        Sql.Clear();
        var upsert = Assert.ThrowsAsync<NotSupportedException>(() => Gadget.Objects(Db).BulkCreateAsync(gadgets, g => Conflict.On(g.Name).Ignore()));
        Assert.That(upsert!.Message, Does.Contain("Gadget.Sizes"));
        var update = Assert.ThrowsAsync<NotSupportedException>(() => Gadget.Objects(Db).BulkUpdateAsync(gadgets, g => [g.Sizes]));
        Assert.That(update!.Message, Does.Contain("Gadget.Sizes"));
        Assert.That(Sql.Count, Is.Zero);
        Assert.That(await Gadget.Objects(Db).CountAsync(), Is.Zero);
    }

    [Test]
    public async Task UpsertedObjectsAreTrackedAfterwards()
    {
        var tags = new[] { new Tag { Slug = "x", Name = "x" } };
        await Tag.Objects(Db).BulkCreateAsync(tags, t => Conflict.On(t.Slug).Ignore());
        Sql.Clear();
        await Db.SaveAsync(tags[0]);
        Assert.That(Sql.Count, Is.Zero);
        tags[0].Uses = 3;
        await Db.SaveAsync(tags[0]);
        Assert.That(Sql.Commands.Single(), Does.StartWith("UPDATE \"w_tag\" SET \"uses\" = $1"));
    }
}
