using RelGen.Tests.Models;

namespace RelGen.Tests.Runtime;

/// <summary>Work in the same async flow joins the transaction; dispose without commit rolls back.</summary>
public sealed class TransactionTests : SchemaTest
{
    [Test]
    public async Task DisposeWithoutCommitRollsBack()
    {
        await using (var tx = await Db.BeginTransactionAsync())
        {
            await Db.SaveAsync(new Reporter { FirstName = "Rolled", LastName = "Back" });
            Assert.That(await Reporter.Objects(Db).Filter(r => r.FirstName == "Rolled").ExistsAsync(), Is.True, "seen inside the transaction");
        }
        Assert.That(await Reporter.Objects(Db).Filter(r => r.FirstName == "Rolled").ExistsAsync(), Is.False);
    }

    [Test]
    public async Task CommitKeepsTheWork()
    {
        await using (var tx = await Db.BeginTransactionAsync())
        {
            var reporter = new Reporter { FirstName = "Committed", LastName = "Work" };
            await Db.SaveAsync(reporter);
            await reporter.ArticleSet.CreateAsync(headline: "Inside", pubDate: new DateOnly(2022, 2, 2));
            await tx.CommitAsync();
        }
        Assert.That(await Article.Objects(Db).Filter(a => a.Reporter.FirstName == "Committed").CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task OtherFlowsDoNotSeeUncommittedWork()
    {
        await using var tx = await Db.BeginTransactionAsync();
        await Db.SaveAsync(new Reporter { FirstName = "Hidden", LastName = "Work" });
        // A task started without the current execution context does not carry the ambient transaction.
        Task<bool> elsewhere;
        using (ExecutionContext.SuppressFlow())
            elsewhere = Task.Run(() => Reporter.Objects(Db).Filter(r => r.FirstName == "Hidden").ExistsAsync());
        Assert.That(await elsewhere, Is.False);
    }

    [Test]
    public async Task ANestedTransactionIsASavepoint()
    {
        await using var tx = await Db.BeginTransactionAsync();
        await using var nested = await Db.BeginTransactionAsync();
        Assert.That(nested.IsNested, Is.True);
        Assert.That(nested.Outer, Is.SameAs(tx));
        Assert.That(Sql.Commands[^1], Does.StartWith("SAVEPOINT "));
    }
}
