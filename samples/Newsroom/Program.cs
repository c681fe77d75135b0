// Newsroom: Django's many-to-one documentation (Reporter / Article), step by step, with RelGen.
//
//   dotnet run --project samples/Newsroom             a throwaway PostgreSQL server, removed on exit
//   dotnet run --project samples/Newsroom -- --sql    also print every SQL command RelGen sends
//
// Set RELGEN_CONNECTION to a connection string to use your own server instead: the walkthrough then
// runs in a fresh schema there, dropped at the end. Each step prints like the documentation and is
// checked against the documented result; any other result exits with 1.
using Newsroom;
using RelGen;

try
{
    await using var database = await SampleDatabase.OpenAsync();
    Console.WriteLine($"Using {database.Description}.");

    var sql = new SqlLog(echo: args.Contains("--sql"));
    await using var db = RelGenDatabase.Create(database.ConnectionString, sql);
    await db.CreateTablesAsync();

    await Walkthrough.RunAsync(db, sql);
    Console.WriteLine();
    Console.WriteLine("Every step gave the documented result.");
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine($"The walkthrough failed: {e}");
    return 1;
}
