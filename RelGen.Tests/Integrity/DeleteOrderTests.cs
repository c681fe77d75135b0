using RelGen.Tests.Integrity.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Integrity;

/// <summary>
/// The collector deletes in dependency order (Django's <c>Collector.sort</c>) under foreign keys PostgreSQL checks at once: a
/// Restrict target collected deeper than the row restricting it, a DoNothing referrer deleted by the same operation, and
/// cycles through nullable keys, NO ACTION ones (broken by setting a key to NULL first) and cascading ones.
/// </summary>
public sealed class DeleteOrderTests : SchemaTest
{
    [SetUp]
    public async Task EmptyTablesAsync()
    {
        await TableReset.TruncateAsync(ConnectionString, "ord_");
        await TableReset.TruncateAsync(ConnectionString, "cyc_");
    }

    private async Task<T> CreateAsync<T>(T entity) where T : class, IModel<T>
    {
        await Db.SaveAsync(entity);
        return entity;
    }

    [Test]
    public async Task ARestrictTargetCollectedDeeperThanItsReferrerGoesAfterIt()
    {
        // top → mid → deep → b1 (three levels) and top → b2 → bottom (two levels); bottom restricts b1, and goes with b2.
        var top = await CreateAsync(new OrdTop());
        var mid = await CreateAsync(new OrdMid { Top = top });
        var deep = await CreateAsync(new OrdDeep { Mid = mid });
        var b1 = await CreateAsync(new OrdB1 { Deep = deep });
        var b2 = await CreateAsync(new OrdB2 { Top = top });
        var bottom = await CreateAsync(new OrdBottom { B1 = b1, B2 = b2 });
        await CreateAsync(new OrdLeaf { Bottom = bottom });

        // Alone, b1 is restricted by the bottom.
        Assert.ThrowsAsync<RestrictedException>(() => Db.DeleteAsync(b1));

        var result = await Db.DeleteAsync(top);
        Assert.That(result.PerModel, Is.EquivalentTo(new Dictionary<string, int>
        {
            ["OrdTop"] = 1, ["OrdMid"] = 1, ["OrdDeep"] = 1, ["OrdB1"] = 1, ["OrdB2"] = 1, ["OrdBottom"] = 1, ["OrdLeaf"] = 1,
        }));
        Assert.That(await OrdBottom.Objects(Db).ExistsAsync(), Is.False);
        Assert.That(await OrdB1.Objects(Db).ExistsAsync(), Is.False);
    }

    [Test]
    public async Task ADoNothingReferrerDeletedByTheSameOperationGoesFirst()
    {
        var top = await CreateAsync(new OrdTop());
        var mid = await CreateAsync(new OrdMid { Top = top });
        await CreateAsync(new OrdTag { Top = top, Mid = mid });

        var result = await Db.DeleteAsync(top);
        Assert.That(result.PerModel, Is.EquivalentTo(new Dictionary<string, int> { ["OrdTop"] = 1, ["OrdMid"] = 1, ["OrdTag"] = 1 }));
    }

    [Test]
    public async Task ADoNothingReferrerLeftBehindIsAnIntegrityError()
    {
        var top = await CreateAsync(new OrdTop());
        var otherTop = await CreateAsync(new OrdTop());
        var mid = await CreateAsync(new OrdMid { Top = top });
        await CreateAsync(new OrdTag { Top = otherTop, Mid = mid });

        var error = Assert.ThrowsAsync<IntegrityException>(() => Db.DeleteAsync(top));
        Assert.That(error!.SqlState, Is.EqualTo("23503"));
        Assert.That(error.Operation, Is.EqualTo(DatabaseOperation.Delete));
        Assert.That(error.Model, Is.EqualTo("OrdTop"));
        Assert.That(await OrdMid.Objects(Db).ExistsAsync(), Is.True, "nothing was deleted");
    }

    [Test]
    public async Task ACycleThroughNullableNoActionKeysIsBrokenBySettingOneToNull()
    {
        var root = await CreateAsync(new CycRoot());
        var a = await CreateAsync(new CycA { Root = root });
        var b = await CreateAsync(new CycB { Root = root, Partner = a });
        a.Partner = b;
        await Db.SaveAsync(a);

        var result = await Db.DeleteAsync(root);
        Assert.That(result.PerModel, Is.EquivalentTo(new Dictionary<string, int> { ["CycRoot"] = 1, ["CycA"] = 1, ["CycB"] = 1 }));
        Assert.That(await CycA.Objects(Db).ExistsAsync(), Is.False);
        Assert.That(await CycB.Objects(Db).ExistsAsync(), Is.False);
    }

    [Test]
    public async Task ACycleThroughCascadingKeysIsDeletedAndCountedOnce()
    {
        var root = await CreateAsync(new CycRoot());
        var c = await CreateAsync(new CycC { Root = root });
        var d = await CreateAsync(new CycD { Root = root, Partner = c });
        c.Partner = d;
        await Db.SaveAsync(c);
        var c2 = await CreateAsync(new CycC { Root = root });

        var result = await Db.DeleteAsync(root);
        Assert.That(result.PerModel, Is.EquivalentTo(new Dictionary<string, int> { ["CycRoot"] = 1, ["CycC"] = 2, ["CycD"] = 1 }));
        Assert.That(await CycC.Objects(Db).ExistsAsync(), Is.False);
        Assert.That(await CycD.Objects(Db).ExistsAsync(), Is.False);
    }

    [Test]
    public async Task DeletingOneSideOfACascadingCycleTakesTheOther()
    {
        var root = await CreateAsync(new CycRoot());
        var c = await CreateAsync(new CycC { Root = root });
        var d = await CreateAsync(new CycD { Root = root, Partner = c });
        c.Partner = d;
        await Db.SaveAsync(c);

        var result = await Db.DeleteAsync(c);
        Assert.That(result.PerModel, Is.EquivalentTo(new Dictionary<string, int> { ["CycC"] = 1, ["CycD"] = 1 }));
        Assert.That(await CycRoot.Objects(Db).ExistsAsync(), Is.True);
    }
}
