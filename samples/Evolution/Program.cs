// Evolution: a schema in two steps, kept in migrations that `dotnet relgen migrations add` wrote.
//
//   dotnet run --project samples/Evolution        on a throwaway PostgreSQL server, removed on exit
//
// Step 1 (Migrations/*_Initial.sql) created reporter and article; step 2 (*_AddNickname.sql) added reporter.nickname and
// an index on it, after the model gained `[MaxLength(20)] public string? Nickname` and `[Index(nameof(Nickname))]`. The
// generator embedded both files in this program; MigrateAsync applies them. Set RELGEN_CONNECTION to use your own server
// (a fresh schema there, dropped at the end). Every step is checked; anything unexpected exits with 1.
using Evolution;
using Evolution.Models;
using RelGen;
using RelGen.Metadata;

try
{
    await using var database = await SampleDatabase.OpenAsync();
    Console.WriteLine($"Using {database.Description}.");
    await using var db = RelGenDatabase.Create(database.ConnectionString);

    var migrations = MigrationRegistry.All().Select(m => m.Name).ToList();
    Check.That(migrations.Count == 2, $"two migrations embedded, found {migrations.Count}");
    var (initial, addNickname) = (migrations[0], migrations[1]);
    Console.WriteLine($"Embedded migrations: {string.Join(", ", migrations)}");

    // The database as the first release left it.
    Step($"await db.MigrateAsync(\"{initial}\");");
    var first = await db.MigrateAsync(initial);
    Show("applied", first.Applied);
    Check.That(first.Applied.SequenceEqual([initial]), "only the initial migration applies");
    var columns = await database.ColumnsAsync("reporter");
    Show("reporter columns", columns);
    Check.That(!columns.Contains("nickname"), "no nickname column yet");
    await database.ExecuteAsync("INSERT INTO reporter (first_name, last_name, email) VALUES ('John', 'Smith', 'john@example.com')");

    // The second release: its model has Nickname, so its migration brings the table up to date, keeping the rows.
    Step("await db.MigrateAsync();");
    var second = await db.MigrateAsync();
    Show("applied", second.Applied);
    Check.That(second.Applied.SequenceEqual([addNickname]), "the second migration applies");
    Show("reporter columns", await database.ColumnsAsync("reporter"));
    var indexes = await database.IndexesAsync("reporter");
    Show("reporter indexes", indexes);
    Check.That(indexes.Contains("reporter_nickname_idx"), "the index on nickname exists");

    Step("john.Nickname = \"Jack\"; await db.SaveAsync(john);");
    var john = await Reporter.Objects(db).GetAsync(r => r.Email == "john@example.com");
    john.Nickname = "Jack";
    await db.SaveAsync(john);
    var found = await Reporter.Objects(db).Filter(r => r.Nickname == "Jack").ToListAsync();
    Show("Reporter.Objects(db).Filter(r => r.Nickname == \"Jack\")", found.Select(r => r.ToString()));
    Check.That(found.Count == 1 && found[0].Id == john.Id, "the row kept from step 1 now has a nickname");

    // Nothing is pending: running it again (as every application start does) changes nothing.
    Step("await db.MigrateAsync();   // again");
    var again = await db.MigrateAsync();
    Console.WriteLine($"  {again}");
    Check.That(again.Applied.Count == 0 && again.RolledBack.Count == 0, "nothing pending");

    // And back: the down section of the second migration.
    Step($"await db.MigrateAsync(\"{initial}\");   // roll back");
    var back = await db.MigrateAsync(initial);
    Show("rolled back", back.RolledBack);
    Check.That(!(await database.ColumnsAsync("reporter")).Contains("nickname"), "the rollback dropped nickname");
    await db.MigrateAsync();

    Console.WriteLine();
    Console.WriteLine("Every step gave the expected result.");
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine($"The sample failed: {e}");
    return 1;
}

static void Step(string code)
{
    Console.WriteLine();
    Console.WriteLine(code);
}

static void Show(string what, IEnumerable<string> items) => Console.WriteLine($"  {what}: {string.Join(", ", items)}");
