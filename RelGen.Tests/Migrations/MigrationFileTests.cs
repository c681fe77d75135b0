using RelGen.Schema.Diff;
using RelGen.Schema.Files;
using RelGen.Schema.Snapshots;

namespace RelGen.Tests.Migrations;

/// <summary>The checked-in migration file: what the tool writes and what the generator will read back.</summary>
public sealed class MigrationFileTests
{
    [Test]
    public void WriteThenParseGivesTheScriptsBack()
    {
        var script = MigrationScript.Between(NewsroomSnapshots.V4, NewsroomSnapshots.V5);
        var text = MigrationFile.Write("20250101000005_Drops", "dotnet relgen migrations add Drops", script);
        var file = MigrationFile.Parse("20250101000005_Drops", text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(file.UpSql, Is.EqualTo(script.UpSql));
            Assert.That(file.DownSql, Does.EndWith(script.DownSql));
            Assert.That(file.DownSql, Does.StartWith("-- Recreates what up dropped, empty"), "the down section warns that dropped data does not come back");
            Assert.That(text, Does.StartWith("-- RelGen migration 20250101000005_Drops\n"));
            Assert.That(text, Does.Contain("--   drop column article.pub_date\n"));
        }
    }

    [Test]
    public void WindowsLineEndsParseToTheSameSql()
    {
        var text = MigrationFile.Write("20250101000002_AddColumns", "cmd", MigrationScript.Between(NewsroomSnapshots.V1, NewsroomSnapshots.V2));
        var unix = MigrationFile.Parse("m", text);
        var windows = MigrationFile.Parse("m", text.Replace("\n", "\r\n"));
        Assert.That(windows.UpSql, Is.EqualTo(unix.UpSql));
        Assert.That(windows.DownSql, Is.EqualTo(unix.DownSql));
    }

    [Test]
    public void AFileWithoutADownSectionHasNoDownSql()
    {
        var file = MigrationFile.Parse("m", "-- header\n\n-- relgen:up\n\nCREATE TABLE t (id integer);\n\n");
        Assert.That(file.UpSql, Is.EqualTo("CREATE TABLE t (id integer);"));
        Assert.That(file.DownSql, Is.Null);
    }

    [TestCase("CREATE TABLE t (id integer);", "no line '-- relgen:up'")]
    [TestCase("-- relgen:up\nA;\n-- relgen:up\nB;", "'-- relgen:up' appears twice")]
    [TestCase("-- relgen:down\nB;\n-- relgen:up\nA;", "comes before")]
    public void RefusesAMalformedFile(string text, string message)
        => Assert.That(() => MigrationFile.Parse("m", text), Throws.TypeOf<FormatException>().With.Message.Contains(message));

    [TestCase("20250102030405_AddEmail", true)]
    [TestCase("20250102030405_add_email2", true)]
    [TestCase("2025010203040_AddEmail", false)]
    [TestCase("20250102030405_2Add", false)]
    [TestCase("20250102030405_Add-Email", false)]
    public void MigrationNames(string name, bool valid) => Assert.That(MigrationFile.IsValidName(name), Is.EqualTo(valid));

    [Test]
    public void AnEmptyScriptHasEmptySections()
    {
        var script = MigrationScript.Between(NewsroomSnapshots.V1, NewsroomSnapshots.V1, SchemaRenames.None);
        var file = MigrationFile.Parse("m", MigrationFile.Write("m", "cmd", script));
        Assert.That(script.IsEmpty, Is.True);
        Assert.That(file.UpSql, Is.Empty);
        Assert.That(file.DownSql, Is.Empty);
        Assert.That(SchemaSnapshot.Empty.Tables, Is.Empty);
    }
}
