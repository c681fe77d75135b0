using RelGen.Tests.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Runtime;

/// <summary>
/// Text values: <c>[MaxLength]</c> counts characters (code points) as <c>varchar(n)</c> does, and text PostgreSQL cannot
/// hold (a NUL, a lone surrogate) is refused naming model and member, in saves and in lookups, with nothing sent.
/// </summary>
public sealed class TextValueTests : SchemaTest
{
    private const string FiveEmoji = "😀😃😄😁😆";     // 5 characters, 10 UTF-16 units

    // Attribute arguments are stored as UTF-8, which has no lone surrogates: test cases name the bad text by index.
    private static readonly (string Text, string Problem)[] BadText =
    [
        ("a\0b", "NUL character (at index 1)"),
        ("ab\uD83D", "lone UTF-16 surrogate (U+D83D at index 2)"),
        ("\uDE00ab", "lone UTF-16 surrogate (U+DE00 at index 0)"),
    ];

    private static readonly DateTime Utc = new(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    [SetUp]
    public Task EmptyAsync() => TableReset.TruncateAsync(ConnectionString, "val_moment");

    private static Moment NewMoment(string label) => new() { Label = label, At = Utc, Stamp = Utc };

    [Test]
    public async Task MaxLengthCountsCharactersAsPostgreSqlDoes()
    {
        Assert.That(FiveEmoji, Has.Length.EqualTo(10));
        var moment = NewMoment(FiveEmoji);
        await Db.SaveAsync(moment);
        Assert.That((await Moment.Objects(Db).GetAsync(m => m.Id == moment.Id)).Label, Is.EqualTo(FiveEmoji));
        await Db.BulkCreateAsync(new[] { NewMoment("é🎉ab"), NewMoment("e\u0301xyz") });   // a combining accent is a character of its own

        Sql.Clear();
        var error = Assert.ThrowsAsync<ModelValidationException>(() => Db.SaveAsync(NewMoment(FiveEmoji + "😉")));
        Assert.That((error!.Model, error.Property), Is.EqualTo(("Moment", "Label")));
        Assert.That(error.Message, Does.Contain("has 6 characters").And.Contain("[MaxLength(5)]"));
        Assert.That(Assert.ThrowsAsync<ModelValidationException>(() => Db.SaveAsync(NewMoment("e\u0301xyzw")))!.Message, Does.Contain("has 6 characters"));
        Assert.That(Sql.Count, Is.Zero);
        Assert.That(await Moment.Objects(Db).CountAsync(), Is.EqualTo(3));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public void TextPostgreSqlCannotHoldIsRefusedWhenSavedNamingModelAndMember(int bad)
    {
        var (text, problem) = BadText[bad];
        Sql.Clear();
        var onSave = Assert.ThrowsAsync<ModelValidationException>(() => Db.SaveAsync(NewMoment(text)));
        var onNullable = Assert.ThrowsAsync<ModelValidationException>(() => Db.SaveAsync(new Moment { Label = "ok", Note = "x" + text, At = Utc, Stamp = Utc }));
        var onBulk = Assert.ThrowsAsync<ModelValidationException>(() => Db.BulkCreateAsync(new[] { NewMoment("ok"), NewMoment(text) }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That((onSave!.Model, onSave.Property), Is.EqualTo(("Moment", "Label")));
            Assert.That(onSave.Message, Does.Contain(problem));
            Assert.That((onNullable!.Model, onNullable.Property), Is.EqualTo(("Moment", "Note")));
            Assert.That((onBulk!.Model, onBulk.Property), Is.EqualTo(("Moment", "Label")));
            Assert.That(Sql.Count, Is.Zero, "nothing may be sent");
        }
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public void TextPostgreSqlCannotHoldIsRefusedInLookupsNamingModelAndMember(int bad)
    {
        var (text, problem) = BadText[bad];
        Sql.Clear();
        var lookups = new (string Member, Func<Task> Run)[]
        {
            ("Label", () => Moment.Objects(Db).Filter(m => m.Label == text).ToListAsync()),
            ("Label", () => Moment.Objects(Db).Filter(m => m.Label != text).CountAsync()),
            ("Label", () => Moment.Objects(Db).Filter(m => m.Label.Contains(text)).ExistsAsync()),
            ("Label", () => Moment.Objects(Db).Exclude(m => m.Label.IStartsWith(text)).ToListAsync()),
            ("Label", () => Moment.Objects(Db).Filter(m => m.Label.Regex(text)).ToListAsync()),
            ("Note", () => Moment.Objects(Db).Filter(m => m.Note.In("fine", text)).ToListAsync()),
            ("Note", () => Moment.Objects(Db).Filter(m => m.Note.Range("a", text)).ToListAsync()),
            ("Note", () => Moment.Objects(Db).Filter(m => m.Note > text).FirstOrDefaultAsync()),
            ("FirstName", () => Article.Objects(Db).Filter(a => a.Reporter.FirstName.IExact(text)).ToListAsync()),
            ("FirstName", () => Article.Objects(Db).GetAsync(a => a.Reporter.FirstName == text)),
        };
        using (Assert.EnterMultipleScope())
        {
            foreach (var (member, run) in lookups)
            {
                var error = Assert.ThrowsAsync<ModelValidationException>(() => run());
                Assert.That(error!.Property, Is.EqualTo(member));
                Assert.That(error.Message, Does.Contain("lookup value").And.Contain(problem));
            }
            Assert.That(Sql.Count, Is.Zero, "nothing may be sent");
        }
    }

    [Test]
    public async Task PairedSurrogatesAndOtherControlCharactersAreText()
    {
        var moment = NewMoment("a\u0001😀");
        moment.Note = "tab\tbell\a" + FiveEmoji;
        await Db.SaveAsync(moment);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Moment.Objects(Db).Filter(m => m.Label == "a\u0001😀").CountAsync(), Is.EqualTo(1));
            Assert.That(await Moment.Objects(Db).Filter(m => m.Note.EndsWith(FiveEmoji)).CountAsync(), Is.EqualTo(1));
        }
    }
}
