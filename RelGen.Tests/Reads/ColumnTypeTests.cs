using System.Text.Json;
using Npgsql;
using RelGen.Tests.Models.Reads;

namespace RelGen.Tests.Reads;

/// <summary>Arrays with Contains/ContainedBy/Overlaps, TimeSpan as interval, decimal precision and scale, jsonb (documents and [Json] types).</summary>
public sealed class ColumnTypeTests : SchemaTest
{
    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await Db.BulkCreateAsync(new[]
        {
            new Gadget { Name = "drill", Sizes = [1, 2, 3], Tags = ["tool", "power"], Warranty = TimeSpan.FromDays(730), Delay = TimeSpan.FromHours(36),
                Price = 99.994m, Raw = JsonDocument.Parse("""{"volts": 18}"""), Spec = new Spec { Color = "red", Weight = 1500, Parts = [1, 2] }, Notes = ["loud"] },
            new Gadget { Name = "lamp", Sizes = [5], Tags = null, Warranty = TimeSpan.FromDays(90), Delay = null, Price = 12.345m,
                Spec = new Spec { Color = "white", Weight = 300 } },
            new Gadget { Name = "saw", Sizes = [], Tags = ["tool"], Warranty = TimeSpan.FromMinutes(90), Price = 5m, Spec = new Spec { Color = "red" } },
        });
    }

    private async Task<string[]> Names(Func<Gadget.Lookup, Query.Predicate> predicate)
        => [.. (await Gadget.Objects(Db).Filter(predicate).ToListAsync()).Select(g => g.Name)];

    [Test]
    public async Task TheColumnsHaveTheirPostgresTypes()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT column_name, format_type(atttypid, atttypmod) FROM information_schema.columns c JOIN pg_attribute a ON a.attrelid = 'rd_gadget'::regclass AND a.attname = c.column_name WHERE table_name = 'rd_gadget' ORDER BY ordinal_position", connection);
        var types = new Dictionary<string, string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                types[reader.GetString(0)] = reader.GetString(1);
        }
        Assert.That(types, Does.ContainKey("sizes").WithValue("integer[]"));
        Assert.That(types, Does.ContainKey("tags").WithValue("text[]"));
        Assert.That(types, Does.ContainKey("warranty").WithValue("interval"));
        Assert.That(types, Does.ContainKey("price").WithValue("numeric(10,2)"));
        Assert.That(types, Does.ContainKey("raw").WithValue("jsonb"));
        Assert.That(types, Does.ContainKey("spec").WithValue("jsonb"));
    }

    [Test]
    public async Task ValuesRoundTrip()
    {
        var drill = await Gadget.Objects(Db).GetAsync(g => g.Name == "drill");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(drill.Sizes, Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(drill.Tags, Is.EqualTo(new[] { "tool", "power" }));
            Assert.That(drill.Warranty, Is.EqualTo(TimeSpan.FromDays(730)));
            Assert.That(drill.Delay, Is.EqualTo(TimeSpan.FromHours(36)));
            Assert.That(drill.Price, Is.EqualTo(99.99m), "rounded to the column's scale");
            Assert.That(drill.Raw!.RootElement.GetProperty("volts").GetInt32(), Is.EqualTo(18));
            Assert.That((drill.Spec.Color, drill.Spec.Weight, drill.Spec.Parts), Is.EqualTo(("red", 1500, new List<int> { 1, 2 })));
            Assert.That(drill.Notes, Is.EqualTo(new[] { "loud" }));
        }
        var lamp = await Gadget.Objects(Db).GetAsync(g => g.Name == "lamp");
        Assert.That((lamp.Tags, lamp.Delay, lamp.Raw, lamp.Notes, lamp.Price), Is.EqualTo(((string[]?)null, (TimeSpan?)null, (JsonDocument?)null, (List<string>?)null, 12.35m)));
    }

    [Test]
    public async Task ArrayLookups()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Names(g => g.Sizes.Contains(2)), Is.EqualTo(new[] { "drill" }));
            Assert.That(await Names(g => g.Sizes.Contains(1, 3)), Is.EqualTo(new[] { "drill" }));
            Assert.That(await Names(g => g.Sizes.Overlaps(3, 5)), Is.EqualTo(new[] { "drill", "lamp" }));
            Assert.That(await Names(g => g.Sizes.ContainedBy(1, 2, 3, 5)), Is.EqualTo(new[] { "drill", "lamp", "saw" }), "the empty array too");
            Assert.That(await Names(g => g.Tags.Contains("tool")), Is.EqualTo(new[] { "drill", "saw" }));
            Assert.That(await Names(g => g.Tags.IsNull()), Is.EqualTo(new[] { "lamp" }));
            Assert.That(await Names(g => g.Sizes == Array.Empty<int>()), Is.EqualTo(new[] { "saw" }));
        }
    }

    [Test]
    public async Task IntervalsCompareAndOrder()
    {
        Assert.That(await Names(g => g.Warranty > TimeSpan.FromDays(365)), Is.EqualTo(new[] { "drill" }));
        Assert.That(await Names(g => g.Delay == null), Is.EqualTo(new[] { "lamp", "saw" }));
        var ordered = await Gadget.Objects(Db).OrderBy(g => g.Warranty).Select(g => g.Name, g => g.Warranty).ToListAsync();
        Assert.That(ordered, Is.EqualTo(new[] { ("saw", TimeSpan.FromMinutes(90)), ("lamp", TimeSpan.FromDays(90)), ("drill", TimeSpan.FromDays(730)) }));
    }

    [Test]
    public async Task JsonColumnsAreSelectableAndTrackChanges()
    {
        List<(string, Spec, List<string>?)> specs = await Gadget.Objects(Db).Select(g => g.Name, g => g.Spec, g => g.Notes).ToListAsync();
        Assert.That(specs.Select(s => (s.Item1, s.Item2.Color, s.Item3?.Count)), Is.EqualTo(new[] { ("drill", "red", (int?)1), ("lamp", "white", (int?)null), ("saw", "red", (int?)null) }));
        var saw = await Gadget.Objects(Db).GetAsync(g => g.Name == "saw");
        Sql.Clear();
        await Db.SaveAsync(saw);
        Assert.That(Sql.Count, Is.Zero, "loaded, unchanged: nothing sent");
        saw.Spec.Weight = 2200;
        await Db.SaveAsync(saw);
        Assert.That(Sql.Commands.Single(), Does.StartWith("UPDATE \"rd_gadget\" SET \"spec\" = $1"));
        Assert.That((await Gadget.Objects(Db).GetAsync(g => g.Name == "saw")).Spec.Weight, Is.EqualTo(2200));
        Assert.That(await Names(g => g.Raw.IsNull(false)), Is.EqualTo(new[] { "drill" }));
    }

    [Test]
    public async Task ManyRowsGoThroughCopyWithTheirTypes()
    {
        var many = Enumerable.Range(0, 250).Select(i => new Gadget
        {
            Name = $"bulk{i:D3}", Sizes = [i], Tags = ["bulk"], Warranty = TimeSpan.FromSeconds(i), Price = i + 0.5m,
            Raw = JsonDocument.Parse($$"""{"i": {{i}}}"""), Spec = new Spec { Color = "blue", Weight = i },
        }).ToList();
        await Db.BulkCreateAsync(many);
        Assert.That(await Gadget.Objects(Db).Filter(g => g.Tags.Contains("bulk")).SumAsync(g => g.Price), Is.EqualTo(Enumerable.Range(0, 250).Sum(i => i + 0.5m)));
        var last = await Gadget.Objects(Db).GetAsync(g => g.Name == "bulk249");
        Assert.That((last.Spec.Weight, last.Raw!.RootElement.GetProperty("i").GetInt32(), last.Sizes.Single()), Is.EqualTo((249, 249, 249)));
        await Gadget.Objects(Db).Filter(g => g.Name.StartsWith("bulk")).DeleteAsync();
    }
}
