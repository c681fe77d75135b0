using Npgsql;
using RelGen.Tests.Models.Reads;

namespace RelGen.Tests.Reads;

/// <summary>Django's date and time transforms: Week, WeekDay, IsoWeekDay, Quarter, IsoYear; Date, Time, Hour, Minute, Second in UTC.</summary>
public sealed class DateTransformTests : ReadsTest
{
    private async Task<string[]> Titles(Func<Book.Lookup, Query.Predicate> predicate, RelGenDatabase? db = null)
        => [.. (await Book.Objects(db ?? Db).Filter(predicate).ToListAsync()).Select(b => b.Title)];

    [Test]
    public async Task DateParts()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Titles(b => b.Published.Quarter == 1), Is.EqualTo(new[] { "A1", "B1", "B2", "C1" }));
            Assert.That(await Titles(b => b.Published.Quarter == 4), Is.EqualTo(new[] { "A3" }));
            Assert.That(await Titles(b => b.Published.Week == 9), Is.EqualTo(new[] { "B1", "C1" }), "ISO weeks: 2019-03-03 and 2022-02-28");
            Assert.That(await Titles(b => b.Published.WeekDay == 1), Is.EqualTo(new[] { "B1" }), "Django's week_day: Sunday is 1");
            Assert.That(await Titles(b => b.Published.WeekDay == 4), Is.EqualTo(new[] { "A1", "A2" }), "Wednesdays");
            Assert.That(await Titles(b => b.Published.IsoWeekDay == 1), Is.EqualTo(new[] { "B2", "C1" }), "ISO: Monday is 1");
            Assert.That(await Titles(b => b.Published.IsoWeekDay == 7), Is.EqualTo(new[] { "B1" }));
            Assert.That(await Titles(b => b.Published.IsoYear == 2021), Is.EqualTo(new[] { "A2", "A3" }));
            Assert.That(await Titles(b => b.Published.Year == 2021 & b.Published.Month == 12 & b.Published.Day == 31), Is.EqualTo(new[] { "A3" }));
        }
    }

    [Test]
    public async Task TimestampPartsAreTakenInUtcWhateverTheSessionTimeZone()
    {
        await using var tokyo = RelGenDatabase.Create(new NpgsqlConnectionStringBuilder(ConnectionString) { Timezone = "Asia/Tokyo" }.ConnectionString);
        foreach (var db in new[] { Db, tokyo })
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(await Titles(b => b.Printed.Date == new DateOnly(2021, 12, 31), db), Is.EqualTo(new[] { "A3" }));
                Assert.That(await Titles(b => b.Printed.Year == 2021, db), Is.EqualTo(new[] { "A3" }));
                Assert.That(await Titles(b => b.Printed.Hour == 10 & b.Printed.Minute == 20, db), Is.EqualTo(new[] { "A1" }));
                Assert.That(await Titles(b => b.Printed.Second == 30, db), Is.EqualTo(new[] { "A1" }), "30.9 s is second 30, not rounded to 31");
                Assert.That(await Titles(b => b.Printed.Time >= new TimeOnly(23, 0), db), Is.EqualTo(new[] { "A3" }));
                Assert.That(await Titles(b => b.Printed.Quarter == 1 & b.Printed.Week == 5, db), Is.EqualTo(new[] { "A1" }));
                Assert.That(await Titles(b => b.Printed.Time.Hour == 23, db), Is.EqualTo(new[] { "A3" }));
            }
        }
    }

    [Test]
    public async Task PartsAreSelectableAndGroupable()
    {
        var byQuarter = await Book.Objects(Db).OrderBy(b => b.Published.Quarter).Select(b => b.Published.Quarter, b => b.Count()).ToListAsync();
        Assert.That(byQuarter, Is.EqualTo(new[] { (1, 4), (2, 1), (4, 1) }));
        var printedOn = await Book.Objects(Db).Filter(b => b.Printed != null).Select(b => b.Title, b => b.Printed.Date, b => b.Printed.Time).ToListAsync();
        Assert.That(printedOn, Is.EqualTo(new[]
        {
            ("A1", new DateOnly(2020, 2, 1), new TimeOnly(10, 20, 30, 900)),
            ("A3", new DateOnly(2021, 12, 31), new TimeOnly(23, 59, 59)),
        }));
    }
}
