namespace RelGen.Tests.Generator;

/// <summary>
/// Identifiers real models use that generated code must survive (issue 11 item 17): [Obsolete] members under
/// warnings-as-errors, C# keywords as class, property and relation names, a column named like CreateAsync's token.
/// </summary>
public class IdentifierTests
{
    private const string Models = """
        using RelGen;

        namespace Agenda;

        [Model]
        public partial class @class
        {
            public int Id { get; set; }
            public string @event { get; set; } = "";
            [Obsolete("use Title")] public string Legacy { get; set; } = "";
            [Obsolete] public int OldRank { get; set; }
        }

        [Model]
        public partial class Ticket
        {
            [ForeignKey] public partial @class @operator { get; set; }
            public string @namespace { get; set; } = "";
            public string CancellationToken { get; set; } = "";
        }
        """;

    [Test]
    public void ObsoleteMembersAndKeywordsCompileWithoutAWarning()
    {
        var run = GeneratorHarness.Run(Models, UserCode.Method("RelGenDatabase db", """
            var c = new Agenda.@class { @event = "launch" };
            await db.SaveAsync(c);
            var t = await c.TicketSet.CreateAsync(@namespace: "ns", cancellationToken: "not a token");
            var found = await Agenda.Ticket.Objects(db).Filter(x => x.@operator.@event == "launch" & x.@namespace == "ns").ToListAsync();
            var back = await Agenda.@class.Objects(db).Filter(x => x.Ticket.@namespace == "ns").CountAsync();
            """));

        // Clean: no RG diagnostic, no error and no warning at all, so a TreatWarningsAsErrors build passes.
        RunAssert.Clean(run);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(GeneratorHarnessSnapshot(run, "class"), Is.EqualTo(new[] { "id", "event", "legacy", "old_rank" }));
            Assert.That(GeneratorHarnessSnapshot(run, "ticket"), Is.EqualTo(new[] { "id", "operator_id", "namespace", "cancellation_token" }));
        }
    }

    [Test]
    public void AColumnNamedCancellationTokenKeepsItsCreateAsyncParameter()
    {
        var run = GeneratorHarness.Run(Models);

        RunAssert.Clean(run);
        var generated = run.GeneratedSources["Agenda.Ticket.g.cs"];
        Assert.That(generated, Does.Contain("CreateAsync(string? @namespace = null, string? cancellationToken = null, global::System.Threading.CancellationToken relgenCancellationToken = default)"));
        Assert.That(generated, Does.Contain("if (cancellationToken is { } __1) __o.CancellationToken = __1;"));
    }

    private static string[] GeneratorHarnessSnapshot(GeneratorRun run, string table) => Schema.GeneratedSnapshot.ColumnNames(run, table);
}
