using RelGen.Tests.Models;

namespace RelGen.Tests.Runtime;

/// <summary>A Guid key left empty is generated on insert, so new objects (and a manager's typed CreateAsync) never collide on Guid.Empty.</summary>
public sealed class GuidKeyTests : SchemaTest
{
    [Test]
    public async Task AReverseManagersTypedCreateOfAGuidKeyedChildCanBeCalledTwice()
    {
        var board = new Board { Name = "ideas" };
        await Db.SaveAsync(board);
        var first = await board.PinSet.CreateAsync(text: "first");
        var second = await board.PinSet.CreateAsync(text: "second");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(second.Id, Is.Not.EqualTo(Guid.Empty).And.Not.EqualTo(first.Id));
            Assert.That((await board.PinSet.OrderBy(p => p.Text).ToListAsync()).Select(p => (p.Id, p.Text)),
                Is.EqualTo(new[] { (first.Id, "first"), (second.Id, "second") }));
        }
    }

    [Test]
    public async Task NewGuidKeyedObjectsGetKeysOnSaveAndBulkCreateAndAGivenKeyIsKept()
    {
        var board = new Board { Name = "bulk" };
        await Db.SaveAsync(board);
        var given = Guid.NewGuid();
        var pins = Enumerable.Range(0, 3).Select(i => new Pin { Text = "p" + i, Board = board }).Append(new Pin { Id = given, Text = "given", Board = board }).ToList();
        await Db.SaveAsync(pins[0]);
        await Db.BulkCreateAsync(pins.Skip(1));
        Assert.That(pins.Select(p => p.Id), Is.Unique.And.Not.Contains(Guid.Empty));
        Assert.That(pins[^1].Id, Is.EqualTo(given));
        Assert.That(await Pin.Objects(Db).Filter(p => p.Board == board).CountAsync(), Is.EqualTo(4));
    }
}
