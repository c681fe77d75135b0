using System.Diagnostics;
using Npgsql;
using RelGen.Tests.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Telemetry;

/// <summary>
/// RelGen's activities and metrics, read through <see cref="ActivityListener"/> and <see cref="System.Diagnostics.Metrics.MeterListener"/>
/// against a real server: one client activity per operation with OpenTelemetry's database tags, errors with their SQLSTATE,
/// statement text only when asked for, Npgsql's activities beneath, and nothing at all when nobody listens. Not parallel with
/// other fixtures: the listeners are process-wide, and "nobody listens" must hold while it runs.
/// </summary>
[NonParallelizable]
public sealed class TracingTests : SchemaTest
{
    private string _database = null!;
    private NpgsqlConnectionStringBuilder _settings = null!;

    [OneTimeSetUp]
    public async Task MakeEmailsUniqueAsync()
    {
        _settings = new NpgsqlConnectionStringBuilder(ConnectionString);
        _database = _settings.Database!;
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE UNIQUE INDEX telemetry_reporter_email ON reporter (email)", connection);
        await command.ExecuteNonQueryAsync();
    }

    [SetUp]
    public Task EmptyTablesAsync() => TableReset.TruncateAsync(ConnectionString, "");

    private static Reporter NewReporter(string lastName) => new() { FirstName = "T", LastName = lastName, Email = $"{Guid.NewGuid():N}@example.com" };

    private static string? Tag(Activity activity, string name) => TelemetryCapture.Tag(activity, name);

    [Test]
    public async Task AQueryIsOneClientActivityWithTheDatabaseConventionsTags()
    {
        foreach (var name in new[] { "Query", "Query", "Query", "Other" })
            await Db.SaveAsync(NewReporter(name));
        using var capture = new TelemetryCapture(_database);

        var found = await Reporter.Objects(Db).Filter(r => r.LastName == "Query").ToListAsync();

        Assert.That(found, Has.Count.EqualTo(3));
        var activity = capture.RelGen.Single();
        Assert.Multiple(() =>
        {
            Assert.That(activity.Source.Version, Is.EqualTo(typeof(RelGenDatabase).Assembly.GetName().Version!.ToString()));
            Assert.That(activity.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(activity.DisplayName, Is.EqualTo("SELECT reporter"));
            Assert.That(Tag(activity, "db.system.name"), Is.EqualTo("postgresql"));
            Assert.That(Tag(activity, "db.operation.name"), Is.EqualTo("SELECT"));
            Assert.That(Tag(activity, "db.collection.name"), Is.EqualTo("reporter"));
            Assert.That(Tag(activity, "db.namespace"), Is.EqualTo(_database));
            Assert.That(Tag(activity, "server.address"), Is.EqualTo(_settings.Host));
            Assert.That(Tag(activity, "server.port"), Is.EqualTo(_settings.Port.ToString()));
            Assert.That(Tag(activity, "db.response.returned_rows"), Is.EqualTo("3"));
            Assert.That(Tag(activity, "relgen.operation"), Is.EqualTo("Query"));
            Assert.That(Tag(activity, "relgen.model"), Is.EqualTo("Reporter"));
            Assert.That(activity.GetTagItem("db.query.text"), Is.Null, "statement text is opt-in");
            Assert.That(activity.GetTagItem("error.type"), Is.Null);
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Unset));
        });
        Assert.That(Activity.Current, Is.Null, "the operation's activity is no longer current once it ended");
    }

    [Test]
    public async Task ASaveIsAnInsertOrAnUpdateAndACountReturnsOneRow()
    {
        using var capture = new TelemetryCapture(_database);
        var reporter = NewReporter("Save");
        await Db.SaveAsync(reporter);
        reporter.FirstName = "Changed";
        await Db.SaveAsync(reporter);
        Assert.That(await Reporter.Objects(Db).CountAsync(), Is.EqualTo(1));

        var activities = capture.RelGen;
        Assert.That(activities.Select(a => a.DisplayName), Is.EqualTo(new[] { "INSERT reporter", "UPDATE reporter", "SELECT reporter" }));
        Assert.That(activities.Select(a => Tag(a, "relgen.operation")), Is.EqualTo(new[] { "Save", "Save", "Query" }));
        Assert.That(Tag(activities[2], "db.response.returned_rows"), Is.EqualTo("1"), "COUNT(*) returns one row");
    }

    [Test]
    public async Task AUniqueViolationEndsTheActivityInErrorWithItsSqlState()
    {
        var first = NewReporter("Unique");
        await Db.SaveAsync(first);
        using var capture = new TelemetryCapture(_database);

        Assert.ThrowsAsync<IntegrityException>(() => Db.SaveAsync(new Reporter { FirstName = "T", LastName = "Again", Email = first.Email }));

        var activity = capture.RelGen.Single();
        Assert.Multiple(() =>
        {
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(Tag(activity, "error.type"), Is.EqualTo("23505"));
            Assert.That(Tag(activity, "db.response.status_code"), Is.EqualTo("23505"));
            Assert.That(activity.DisplayName, Is.EqualTo("INSERT reporter"));
        });
        var duration = capture.Measurements("db.client.operation.duration").Single();
        Assert.That(duration.Tags["error.type"], Is.EqualTo("23505"));
        Assert.That(duration.Tags["db.operation.name"], Is.EqualTo("INSERT"));
    }

    [Test]
    public async Task TheStatementTextIsRecordedOnlyWhenAskedFor()
    {
        await using var db = RelGenDatabase.Create(ConnectionString, Sql);
        using var capture = new TelemetryCapture(_database);
        await Reporter.Objects(db).Filter(r => r.LastName == "Secret").ToListAsync();
        Assert.That(capture.RelGen.Single().GetTagItem("db.query.text"), Is.Null);

        capture.Clear();
        Sql.Clear();
        db.RecordStatementText = true;
        await Reporter.Objects(db).Filter(r => r.LastName == "Secret").ToListAsync();

        var text = Tag(capture.RelGen.Single(), "db.query.text");
        Assert.That(text, Is.EqualTo(Sql.Commands.Single()), "the text sent, as logged");
        Assert.That(text, Does.Contain("$1").And.Not.Contain("Secret"), "placeholders, never values");
    }

    [Test]
    public async Task NpgsqlsActivitiesNestUnderTheOperationsActivity()
    {
        var reporter = NewReporter("Nested");
        await Db.SaveAsync(reporter);
        await Db.SaveAsync(new Article { Headline = "One", PubDate = new(2005, 7, 27), Reporter = reporter });
        await Db.SaveAsync(new Article { Headline = "Two", PubDate = new(2005, 7, 28), Reporter = reporter });
        using var capture = new TelemetryCapture(_database, npgsql: true);

        await Reporter.Objects(Db).Filter(r => r.LastName == "Nested").ToListAsync();
        var result = await Db.DeleteAsync(reporter);

        Assert.That(result.Total, Is.EqualTo(3));
        var operations = capture.RelGen;
        Assert.That(operations.Select(a => a.DisplayName), Is.EqualTo(new[] { "SELECT reporter", "DELETE reporter" }),
            "one activity per operation: the delete's cascade is inside it");
        foreach (var operation in operations)
        {
            var children = capture.Npgsql.Where(a => a.ParentSpanId == operation.SpanId).ToArray();
            Assert.That(children, Is.Not.Empty, $"Npgsql's command activity under {operation.DisplayName}");
            Assert.That(children.All(c => c.TraceId == operation.TraceId));
        }
    }

    [Test]
    public async Task TransactionControlStatementsAreOperationsOfTheirOwn()
    {
        using var capture = new TelemetryCapture(_database);
        await using (var transaction = await Db.BeginTransactionAsync())
        {
            await Db.SaveAsync(NewReporter("Committed"));
            await using (var nested = await Db.BeginTransactionAsync())
            {
                await Db.SaveAsync(NewReporter("Released"));
                await nested.CommitAsync();
            }
            await using (var nested = await Db.BeginTransactionAsync())
            {
                await Db.SaveAsync(NewReporter("RolledBack"));
                await nested.RollbackAsync();
            }
            await transaction.CommitAsync();
        }

        var activities = capture.RelGen;
        Assert.That(activities.Select(a => a.DisplayName), Is.EqualTo(new[]
        {
            "INSERT reporter", "SAVEPOINT", "INSERT reporter", "RELEASE", "SAVEPOINT", "INSERT reporter", "ROLLBACK", "COMMIT",
        }));
        Assert.That(Tag(activities[^1], "relgen.operation"), Is.EqualTo("Commit"));
        Assert.That(activities.Select(a => a.Status), Is.All.EqualTo(ActivityStatusCode.Unset));
        Assert.That(await Reporter.Objects(Db).CountAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task AStreamIsOneActivityThatEndsWithTheEnumeration()
    {
        foreach (var name in new[] { "Stream", "Stream" })
            await Db.SaveAsync(NewReporter(name));
        using var capture = new TelemetryCapture(_database, npgsql: true);
        using var outer = new Activity("test").Start();

        var seen = 0;
        await foreach (var reporter in Reporter.Objects(Db).Filter(r => r.LastName == "Stream"))
            seen++;

        Assert.That(seen, Is.EqualTo(2));
        Assert.That(Activity.Current, Is.SameAs(outer), "the caller's current activity is untouched");
        var activity = capture.RelGen.Single();
        Assert.That(activity.ParentSpanId, Is.EqualTo(outer.SpanId));
        Assert.That(Tag(activity, "db.response.returned_rows"), Is.EqualTo("2"));
        Assert.That(capture.Npgsql.Where(a => a.ParentSpanId == activity.SpanId), Is.Not.Empty);
    }

    [Test]
    public async Task ABulkCreateOfManyRowsIsACopy()
    {
        using var capture = new TelemetryCapture(_database);
        await Db.BulkCreateAsync(Enumerable.Range(0, 250).Select(i => NewReporter("Bulk" + i)));

        var activity = capture.RelGen.Single();
        Assert.That(activity.DisplayName, Is.EqualTo("COPY reporter"));
        Assert.That(Tag(activity, "relgen.operation"), Is.EqualTo("BulkCreate"));
    }

    [Test]
    public async Task ARelationLoadedInAGetterIsAnOperationToo()
    {
        var reporter = NewReporter("Lazy");
        await Db.SaveAsync(reporter);
        await Db.SaveAsync(new Article { Headline = "Lazy", PubDate = new(2005, 7, 27), Reporter = reporter });
        var article = await Article.Objects(Db).GetAsync(a => a.Headline == "Lazy");
        using var capture = new TelemetryCapture(_database);

        Assert.That(article.Reporter.LastName, Is.EqualTo("Lazy"));

        var activity = capture.RelGen.Single();
        Assert.That(activity.DisplayName, Is.EqualTo("SELECT reporter"));
        Assert.That(Tag(activity, "relgen.operation"), Is.EqualTo("Load"));
        Assert.That(Tag(activity, "db.response.returned_rows"), Is.EqualTo("1"));
        Assert.That(Activity.Current, Is.Null, "the synchronous load restored the caller's current activity");
    }

    [Test]
    public async Task TheMetricsFollowTheConventions()
    {
        foreach (var name in new[] { "Metric", "Metric" })
            await Db.SaveAsync(NewReporter(name));
        using var capture = new TelemetryCapture(_database);

        await Reporter.Objects(Db).Filter(r => r.LastName == "Metric").ToListAsync();

        var duration = capture.Measurements("db.client.operation.duration").Single();
        Assert.Multiple(() =>
        {
            Assert.That(duration.Value, Is.GreaterThan(0).And.LessThan(60), "seconds");
            Assert.That(duration.Tags["db.system.name"], Is.EqualTo("postgresql"));
            Assert.That(duration.Tags["db.operation.name"], Is.EqualTo("SELECT"));
            Assert.That(duration.Tags["db.collection.name"], Is.EqualTo("reporter"));
            Assert.That(duration.Tags["server.port"], Is.EqualTo(_settings.Port));
            Assert.That(duration.Tags, Does.Not.ContainKey("error.type"));
        });
        var rows = capture.Measurements("db.client.response.returned_rows").Single();
        Assert.That(rows.Value, Is.EqualTo(2));
    }

    [Test]
    public async Task NothingIsObservedWhenNobodyListens()
    {
        await using var db = RelGenDatabase.Create(ConnectionString);   // no logger either
        using (var npgsqlOnly = new TelemetryCapture(_database, relGen: false, npgsql: true, metrics: false))
        {
            await Reporter.Objects(db).Filter(r => r.LastName == "Nobody").ToListAsync();
            Assert.That(npgsqlOnly.Npgsql, Is.Not.Empty);
            Assert.That(npgsqlOnly.Npgsql.Select(a => a.Parent), Is.All.Null, "no RelGen activity was created for Npgsql's to nest under");
            Assert.That(npgsqlOnly.RelGen, Is.Empty);
        }

        var lease = await db.AcquireAsync(DatabaseOperation.Query, "Reporter", CancellationToken.None);
        try
        {
            Assert.That(lease.Observer, Is.Null, "an operation nobody observes measures nothing");
        }
        finally
        {
            await lease.DisposeAsync();
        }
        using var listening = new TelemetryCapture(_database, metrics: false);
        lease = await db.AcquireAsync(DatabaseOperation.Query, "Reporter", CancellationToken.None);
        try
        {
            Assert.That(lease.Observer, Is.Not.Null);
        }
        finally
        {
            await lease.DisposeAsync();
        }
    }
}
