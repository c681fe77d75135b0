using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RelGen.Tests.Integrity;
using RelGen.Tests.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Telemetry;

/// <summary>
/// The events of category <c>RelGen.Sql</c> beyond each command's one Debug entry: a failed command at Warning with its
/// SQLSTATE, duration and SQL; a slow command at Warning; parameter values only with sensitive-data logging, and never in the
/// Debug entry, which stays one per command whatever is switched on.
/// </summary>
public sealed class CommandLogTests : SchemaTest
{
    [OneTimeSetUp]
    public async Task MakeEmailsUniqueAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await Backends.ExecuteAsync(connection, "CREATE UNIQUE INDEX log_reporter_email ON reporter (email)");
    }

    [SetUp]
    public Task EmptyTablesAsync() => TableReset.TruncateAsync(ConnectionString, "");

    private static Reporter NewReporter(string lastName) => new() { FirstName = "L", LastName = lastName, Email = $"{Guid.NewGuid():N}@example.com" };

    private static LogCapture.Entry[] Debug(LogCapture log) => log.Sql.Where(e => e.Level == LogLevel.Debug).ToArray();

    [Test]
    public async Task AFailedCommandIsOneWarningWithItsSqlStateDurationAndSql()
    {
        var log = new LogCapture();
        await using var db = RelGenDatabase.Create(ConnectionString, log);
        var first = NewReporter("First");
        await db.SaveAsync(first);
        log.Clear();

        var error = Assert.ThrowsAsync<IntegrityException>(() => db.SaveAsync(new Reporter { FirstName = "L", LastName = "Twin", Email = first.Email }));

        var insert = Debug(log).Single().Message;
        var failed = log.Sql.Where(e => e.Level > LogLevel.Debug).ToArray();
        Assert.That(failed, Has.Length.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(failed[0].Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(failed[0].EventId.Id, Is.EqualTo(2));
            Assert.That(failed[0].EventId.Name, Is.EqualTo("CommandFailed"));
            Assert.That(failed[0]["SqlState"], Is.EqualTo("23505"));
            Assert.That(failed[0]["Sql"], Is.EqualTo(insert), "the SQL of the command that failed");
            Assert.That((double)failed[0]["ElapsedMilliseconds"]!, Is.GreaterThanOrEqualTo(0));
            Assert.That(failed[0].Exception, Is.SameAs(error));
            Assert.That(failed[0].Message, Does.Contain("23505").And.Contain(insert));
            Assert.That(failed[0].Message, Does.Not.Contain(first.Email), "no values unless sensitive-data logging is on");
            Assert.That(log.Sql.Any(e => e.Level == LogLevel.Trace), Is.False);
        });
    }

    [Test]
    public async Task SensitiveDataLoggingPutsTheValuesInTheFailedEventAndATraceEventButNeverInTheDebugEntry()
    {
        var log = new LogCapture();
        await using var db = RelGenDatabase.Create(ConnectionString, log);
        db.EnableSensitiveDataLogging = true;
        var first = NewReporter("First");
        await db.SaveAsync(first);
        log.Clear();

        Assert.ThrowsAsync<IntegrityException>(() => db.SaveAsync(new Reporter { FirstName = "L", LastName = "Twin", Email = first.Email }));

        var failed = log.Sql.Single(e => e.EventId.Id == 2);
        Assert.That((string)failed["Parameters"]!, Does.Contain($"'{first.Email}'").And.Contain("'Twin'"));
        var parameters = log.Sql.Single(e => e.Level == LogLevel.Trace);
        Assert.That(parameters.EventId.Name, Is.EqualTo("CommandParameters"));
        Assert.That(parameters.Message, Does.Contain($"'{first.Email}'"));
        Assert.That(Debug(log), Has.Length.EqualTo(1));
        Assert.That(Debug(log)[0].Message, Does.Not.Contain(first.Email));
    }

    [Test]
    public async Task ACommandOverTheThresholdIsLoggedAsSlow()
    {
        var log = new LogCapture();
        await using var db = RelGenDatabase.Create(ConnectionString, log);
        var reporter = NewReporter("Slow");
        await db.SaveAsync(reporter);
        db.SlowCommandThreshold = TimeSpan.FromMilliseconds(100);
        log.Clear();

        // A second session holds the row, so the UPDATE waits until it lets go, well past the threshold.
        await using var blocker = new NpgsqlConnection(ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await Backends.ExecuteAsync(blocker, "SELECT 1 FROM reporter WHERE id = $1 FOR UPDATE", reporter.Id);
        reporter.FirstName = "Waited";
        var save = db.SaveAsync(reporter);
        await Backends.WaitUntilBlockedByAsync(ConnectionString, blocker.ProcessID);
        await Task.Delay(300);
        await transaction.CommitAsync();
        await save;

        var slow = log.Sql.Where(e => e.Level > LogLevel.Debug).ToArray();
        Assert.That(slow, Has.Length.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(slow[0].Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(slow[0].EventId.Name, Is.EqualTo("CommandSlow"));
            Assert.That((string)slow[0]["Sql"]!, Does.StartWith("UPDATE \"reporter\""));
            Assert.That((double)slow[0]["ElapsedMilliseconds"]!, Is.GreaterThan(100));
            Assert.That(slow[0]["ThresholdMilliseconds"], Is.EqualTo(100.0));
            Assert.That(slow[0].Message, Does.Not.Contain("Waited"));
        });

        // No threshold, no slow events.
        db.SlowCommandThreshold = null;
        log.Clear();
        reporter.FirstName = "Again";
        await db.SaveAsync(reporter);
        Assert.That(log.Sql.Where(e => e.Level > LogLevel.Debug), Is.Empty);
    }

    [Test]
    public async Task TheDebugEntryStaysOnePerCommandWhateverIsSwitchedOn()
    {
        async Task<string[]> RunAsync(bool everything)
        {
            await TableReset.TruncateAsync(ConnectionString, "");
            var log = new LogCapture();
            await using var db = RelGenDatabase.Create(ConnectionString, log);
            db.EnableSensitiveDataLogging = everything;
            db.RecordStatementText = everything;
            db.SlowCommandThreshold = everything ? TimeSpan.Zero : null;   // every command is "slow"
            using var telemetry = everything ? new TelemetryCapture(new NpgsqlConnectionStringBuilder(ConnectionString).Database!) : null;
            var reporter = new Reporter { FirstName = "Same", LastName = "Work", Email = "same@example.com" };
            await db.SaveAsync(reporter);
            await db.SaveAsync(new Article { Headline = "Same", PubDate = new(2005, 7, 27), Reporter = reporter });
            await Reporter.Objects(db).Filter(r => r.LastName == "Work").ToListAsync();
            await db.DeleteAsync(reporter);
            if (everything)
            {
                // Every command of the operations went through the observer; the first connection's pooler probe is no operation's.
                Assert.That(log.Sql.Count(e => e.EventId.Name == "CommandSlow"),
                    Is.EqualTo(Debug(log).Count(e => e.Message != "SELECT pg_backend_pid()")).And.GreaterThanOrEqualTo(4));
            }
            return Debug(log).Select(e => e.Message).ToArray();
        }

        var plain = await RunAsync(everything: false);
        var observed = await RunAsync(everything: true);

        Assert.That(observed, Is.EqualTo(plain));
        Assert.That(observed, Has.None.Contain("same@example.com"));
    }

    [Test]
    public async Task TheSettingsBindFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RelGen:ConnectionString"] = ConnectionString,
            ["RelGen:RecordStatementText"] = "true",
            ["RelGen:SlowCommandThreshold"] = "00:00:02",
            ["RelGen:EnableSensitiveDataLogging"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.Configure<RelGenOptions>(configuration.GetSection("RelGen"));
        services.AddRelGen();
        await using var provider = services.BuildServiceProvider();

        var db = provider.GetRequiredService<RelGenDatabase>();
        Assert.Multiple(() =>
        {
            Assert.That(db.RecordStatementText, Is.True);
            Assert.That(db.SlowCommandThreshold, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(db.EnableSensitiveDataLogging, Is.True);
        });
        await using var defaults = RelGenDatabase.Create(ConnectionString);
        Assert.That((defaults.RecordStatementText, defaults.SlowCommandThreshold, defaults.EnableSensitiveDataLogging), Is.EqualTo((false, (TimeSpan?)null, false)));
    }
}
