using Npgsql;
using RelGen.Tests.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Runtime;

/// <summary>
/// How date and time values reach a <c>timestamptz</c>, <c>time</c> column and come back: a Local DateTime is the instant
/// it denotes, an Unspecified one is refused naming model and member, a DateTimeOffset of any offset is its instant, and
/// values finer than a microsecond are truncated the same way on every path, so a lookup by the saved value finds the row.
/// The fixture's second handle runs its sessions in Asia/Kathmandu (+05:45), so any value the server interprets in the
/// session's zone instead of as an instant lands somewhere else.
/// </summary>
public sealed class DateTimeMappingTests : SchemaTest
{
    private static readonly DateTime Utc = new(2024, 6, 1, 12, 30, 0, DateTimeKind.Utc);

    private readonly SqlCapture _zonedSql = new();
    private RelGenDatabase _zoned = null!;

    [OneTimeSetUp]
    public void OpenZonedHandle()
        => _zoned = RelGenDatabase.Create(new NpgsqlConnectionStringBuilder(ConnectionString) { Timezone = "Asia/Kathmandu" }.ConnectionString, _zonedSql);

    [OneTimeTearDown]
    public async Task CloseZonedHandleAsync() => await _zoned.DisposeAsync();

    [SetUp]
    public Task EmptyAsync() => TableReset.TruncateAsync(ConnectionString, "val_moment");

    private static Moment NewMoment(string label, DateTime at) => new() { Label = label, At = at, Stamp = Utc, Clock = new TimeOnly(8, 0) };

    /// <summary>The instant the row holds, read by PostgreSQL itself as seconds since the epoch (no client mapping involved).</summary>
    private async Task<double> EpochAsync(string column, int id)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT extract(epoch FROM {column})::float8 FROM val_moment WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = id });
        return (double)(await command.ExecuteScalarAsync())!;
    }

    private static double Epoch(DateTime utc) => (utc - DateTime.UnixEpoch).TotalSeconds;

    [Test]
    public async Task ALocalDateTimeIsStoredAsTheInstantItDenotes()
    {
        var local = Utc.ToLocalTime();
        Assert.That(local.Kind, Is.EqualTo(DateTimeKind.Local));
        var moment = NewMoment("local", local);
        moment.Maybe = local;
        await _zoned.SaveAsync(moment);

        Assert.That(await EpochAsync("at", moment.Id), Is.EqualTo(Epoch(Utc)), "the row holds the instant, whatever the session's zone");
        Assert.That(await EpochAsync("maybe", moment.Id), Is.EqualTo(Epoch(Utc)));
        var loaded = await Moment.Objects(_zoned).GetAsync(m => m.Id == moment.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded.At, Is.EqualTo(Utc));
            Assert.That(loaded.At.Kind, Is.EqualTo(DateTimeKind.Utc), "timestamptz reads back as UTC");
            Assert.That(loaded.Maybe, Is.EqualTo(Utc));
        }
    }

    [Test]
    public async Task RawSqlHolesTakeInstantsAsSavesDo()
    {
        var moment = NewMoment("raw", Utc.AddTicks(7));   // below a microsecond: truncated on save and in the hole alike
        await _zoned.SaveAsync(moment);
        var local = Utc.AddTicks(7).ToLocalTime();
        var offset = new DateTimeOffset(Utc.AddTicks(7)).ToOffset(TimeSpan.FromHours(-7));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await _zoned.QueryAsync<Moment>($"SELECT * FROM val_moment WHERE at = {local}"), Has.Count.EqualTo(1),
                "a Local DateTime is its instant, not a wall-clock time in the session's zone");
            Assert.That(await _zoned.QueryAsync<Moment>($"SELECT * FROM val_moment WHERE at = {Utc.AddTicks(7)}"), Has.Count.EqualTo(1));
            Assert.That(await _zoned.QueryAsync<Moment>($"SELECT * FROM val_moment WHERE at = {offset}"), Has.Count.EqualTo(1),
                "a DateTimeOffset of any offset is its instant");
        }
    }

    [Test]
    public async Task LookupsTakeALocalDateTimeAsItsInstantToo()
    {
        var moment = NewMoment("a", Utc);
        await _zoned.SaveAsync(moment);
        var local = Utc.ToLocalTime();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Moment.Objects(_zoned).Filter(m => m.At == local).CountAsync(), Is.EqualTo(1));
            Assert.That(await Moment.Objects(_zoned).Filter(m => m.At == Utc).CountAsync(), Is.EqualTo(1));
            Assert.That(await Moment.Objects(_zoned).Filter(m => m.At >= local & m.At <= local).CountAsync(), Is.EqualTo(1));
            Assert.That(await Moment.Objects(_zoned).Filter(m => m.At.Range(local.AddSeconds(-1), local.AddSeconds(1))).CountAsync(), Is.EqualTo(1));
            Assert.That(await Moment.Objects(_zoned).Filter(m => m.At.In(local, local.AddDays(1))).CountAsync(), Is.EqualTo(1));
            Assert.That(await Moment.Objects(_zoned).Filter(m => m.At > local).CountAsync(), Is.Zero);
        }
    }

    [Test]
    public async Task AnUnspecifiedDateTimeIsRefusedNamingModelAndMemberAndNothingIsSent()
    {
        var unspecified = new DateTime(2024, 6, 1, 12, 30, 0);
        Assert.That(unspecified.Kind, Is.EqualTo(DateTimeKind.Unspecified));
        var saved = NewMoment("saved", Utc);
        await Db.SaveAsync(saved);
        Sql.Clear();

        var onSave = Assert.ThrowsAsync<ModelValidationException>(() => Db.SaveAsync(NewMoment("new", unspecified)));
        var onNullable = Assert.ThrowsAsync<ModelValidationException>(() => Db.SaveAsync(new Moment { Label = "n", At = Utc, Maybe = unspecified, Stamp = Utc }));
        var onBulk = Assert.ThrowsAsync<ModelValidationException>(() => Db.BulkCreateAsync(new[] { NewMoment("b", Utc), NewMoment("c", unspecified) }));
        var onLookup = Assert.ThrowsAsync<ModelValidationException>(() => Moment.Objects(Db).Filter(m => m.At == unspecified).ToListAsync());
        var onRange = Assert.ThrowsAsync<ModelValidationException>(() => Moment.Objects(Db).Filter(m => m.Maybe.Range(Utc, unspecified)).CountAsync());
        var onIn = Assert.ThrowsAsync<ModelValidationException>(() => Moment.Objects(Db).Filter(m => m.At.In(Utc, unspecified)).ExistsAsync());
        using (Assert.EnterMultipleScope())
        {
            foreach (var (error, member) in new[] { (onSave, "At"), (onNullable, "Maybe"), (onBulk, "At"), (onLookup, "At"), (onRange, "Maybe"), (onIn, "At") })
            {
                Assert.That((error!.Model, error.Property), Is.EqualTo(("Moment", member)));
                Assert.That(error.Message, Does.Contain("Kind=Unspecified").And.Contain("DateTimeKind.Utc"));
            }
            Assert.That(Sql.Count, Is.Zero, "nothing may be sent");
        }
        Assert.That((await Moment.Objects(Db).ToListAsync()).Select(m => m.Label), Is.EqualTo(new[] { "saved" }));
    }

    private static Query.ModelLookup RootLookup<T>() where T : class, IModel<T> => T.RelGenModel.Root;

    [Test]
    public void AnUpdateAssignmentOfAnUnspecifiedDateTimeIsRefused()
    {
        // UpdateAsync checks each assignment before sending anything; the check is the assignment's own.
        var lookup = (Moment.Lookup)RootLookup<Moment>();
        var unspecified = new DateTime(2024, 6, 1);
        var error = Assert.Throws<ModelValidationException>(() => lookup.Maybe.Set((DateTime?)unspecified).Check());
        Assert.That((error!.Model, error.Property), Is.EqualTo(("Moment", "Maybe")));
        Assert.DoesNotThrow(() => lookup.At.Set(Utc.ToLocalTime()).Check());
    }

    [Test]
    public async Task TheDefaultDateTimeIsAcceptedAsNpgsqlMapsIt()
    {
        // default(DateTime) is Unspecified, but it is MinValue: Npgsql writes it as -infinity whatever its kind, and reads it back.
        var moment = new Moment { Label = "dflt", Stamp = Utc };
        await Db.SaveAsync(moment);
        var loaded = await Moment.Objects(Db).GetAsync(m => m.Id == moment.Id);
        Assert.That(loaded.At, Is.EqualTo(DateTime.MinValue));
        Assert.That(await Moment.Objects(Db).Filter(m => m.At == DateTime.MinValue).CountAsync(), Is.EqualTo(1));
        Assert.That(await Moment.Objects(Db).Filter(m => m.At < Utc).CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task ADateTimeOffsetOfAnyOffsetIsStoredAsItsInstant()
    {
        var plusTwo = new DateTimeOffset(2024, 6, 1, 14, 30, 0, TimeSpan.FromHours(2));
        var minusFive = new DateTimeOffset(2024, 6, 1, 7, 30, 0, TimeSpan.FromHours(-5));
        var moment = new Moment { Label = "dto", At = Utc, Stamp = plusTwo };
        await _zoned.SaveAsync(moment);
        await _zoned.BulkCreateAsync(new[] { new Moment { Label = "bulk", At = Utc, Stamp = minusFive } });
        await _zoned.BulkCreateAsync(Enumerable.Range(0, 201).Select(i => new Moment { Label = "copy", At = Utc, Stamp = minusFive }));

        Assert.That(await EpochAsync("stamp", moment.Id), Is.EqualTo(Epoch(Utc)));
        var loaded = await Moment.Objects(_zoned).GetAsync(m => m.Id == moment.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded.Stamp, Is.EqualTo(plusTwo), "the same instant");
            Assert.That(loaded.Stamp.Offset, Is.EqualTo(TimeSpan.Zero), "timestamptz keeps no offset: it reads back in UTC");
            Assert.That(await Moment.Objects(_zoned).Filter(m => m.Stamp == minusFive).CountAsync(), Is.EqualTo(203), "every row holds the one instant");
            Assert.That(await Moment.Objects(_zoned).Filter(m => m.Stamp.In(plusTwo)).CountAsync(), Is.EqualTo(203));
            Assert.That(await Moment.Objects(_zoned).Filter(m => m.Stamp > plusTwo.AddTicks(-10)).CountAsync(), Is.EqualTo(203));
        }
    }

    [Test]
    public async Task SubMicrosecondValuesAreTruncatedAndALookupByTheSavedValueFindsTheRow()
    {
        var at = Utc.AddTicks(1_234_567);               // 12:30:00.1234567
        var stamp = new DateTimeOffset(Utc.AddTicks(9_999_999)).ToOffset(TimeSpan.FromHours(3));
        var clock = new TimeOnly(23, 59, 59).Add(TimeSpan.FromTicks(9_999_999));
        var before2000 = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(-5);   // negative microseconds from 2000
        var moment = new Moment { Label = "fine", At = at, Maybe = before2000, Stamp = stamp, Clock = clock };
        await Db.SaveAsync(moment);
        await Db.BulkCreateAsync(Enumerable.Range(0, 201).Select(i => new Moment { Label = "copy", At = at, Maybe = before2000, Stamp = stamp, Clock = clock }));

        var loaded = await Moment.Objects(Db).GetAsync(m => m.Id == moment.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded.At, Is.EqualTo(Utc.AddTicks(1_234_560)), "truncated to the microsecond");
            Assert.That(loaded.Maybe, Is.EqualTo(before2000.AddTicks(-5)), "truncated toward the past, also before 2000");
            Assert.That(loaded.Stamp, Is.EqualTo(stamp.AddTicks(-9)));
            Assert.That(loaded.Clock, Is.EqualTo(clock.Add(TimeSpan.FromTicks(-9))));
            Assert.That(await Moment.Objects(Db).Filter(m => m.At == at).CountAsync(), Is.EqualTo(202));
            Assert.That(await Moment.Objects(Db).Filter(m => m.Maybe == before2000).CountAsync(), Is.EqualTo(202));
            Assert.That(await Moment.Objects(Db).Filter(m => m.Stamp == stamp).CountAsync(), Is.EqualTo(202));
            Assert.That(await Moment.Objects(Db).Filter(m => m.Clock == clock).CountAsync(), Is.EqualTo(202));
            Assert.That(await Moment.Objects(Db).Filter(m => m.At.In(at) & m.Clock.In(clock)).CountAsync(), Is.EqualTo(202));
            Assert.That(await Moment.Objects(Db).Filter(m => m.At <= at & m.At >= at).CountAsync(), Is.EqualTo(202));
            Assert.That(await Moment.Objects(Db).Filter(m => m.At == loaded.At).CountAsync(), Is.EqualTo(202), "and by the value read back");
        }
    }

    [Test]
    public async Task YearMonthAndDayOfATimestampAreTakenInUtcWhateverTheSessionZone()
    {
        // 2024-12-31 20:00 UTC is already 2025-01-01 in Kathmandu; RelGen reads the value back in UTC, so its parts are UTC's.
        var lateEve = new DateTime(2024, 12, 31, 20, 0, 0, DateTimeKind.Utc);
        await _zoned.SaveAsync(NewMoment("eve", lateEve));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Moment.Objects(_zoned).Filter(m => m.At.Year == 2024 & m.At.Month == 12 & m.At.Day == 31).CountAsync(), Is.EqualTo(1));
            Assert.That(await Moment.Objects(_zoned).Filter(m => m.At.Year == 2025).CountAsync(), Is.Zero);
        }
    }
}
