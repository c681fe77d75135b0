using RelGen.Tests.Django.Delete;
using RelGen.Tests.Support;

namespace RelGen.Tests.Django;

/// <summary>
/// Django's tests/delete/tests.py (OnDeleteTests, DeletionTests, FastDeleteTests) against PostgreSQL: every on-delete
/// rule, the counts a delete returns, and its round trips. Each test starts on emptied tables with the default R that
/// Django's setUp creates. Round trips are <see cref="SqlCapture"/> entries; where RelGen's number differs from
/// Django's, the test asserts RelGen's and says why.
/// </summary>
public sealed class DeleteTests : SchemaTest
{
    [SetUp]
    public async Task SetUpAsync()
    {
        await TableReset.TruncateAsync(ConnectionString, "del_");
        // Django: self.DEFAULT = get_default_r(), the R every SetDefault relation falls back to.
        await Db.SaveAsync(new R { Id = R.DefaultKey, IsDefault = true });
        Sql.Clear();
    }

    private async Task<T> CreateAsync<T>(T entity) where T : class, IModel<T>
    {
        await Db.SaveAsync(entity);
        return entity;
    }

    /// <summary>Django's create_a: an A whose every relation points at an R of its own.</summary>
    private async Task<A> CreateAAsync(string name)
    {
        var rs = Enumerable.Range(0, 10).Select(_ => new R()).ToList();
        await Db.BulkCreateAsync(rs);
        var a = new A
        {
            Name = name,
            Auto = rs[0], AutoNullable = rs[1], Setnull = rs[2], Setdefault = rs[3], SetdefaultNone = rs[4],
            Cascade = rs[5], CascadeNullable = rs[6], Protect = rs[7], Restrict = rs[8], Donothing = rs[9],
        };
        await Db.SaveAsync(a);
        Sql.Clear();
        return a;
    }

    private Task<A> ReloadAsync(A a) => A.Objects(Db).GetAsync(x => x.Id == a.Id);

    private Task<bool> AExistsAsync(string name) => A.Objects(Db).Filter(x => x.Name == name).ExistsAsync();

    private static Dictionary<string, int> Counts(params (string Model, int Count)[] counts) => counts.ToDictionary(c => c.Model, c => c.Count);

    // OnDeleteTests

    [Test]
    [Description("django: tests/delete/tests.py test_auto")]
    public async Task Test_auto()
    {
        var a = await CreateAAsync("auto");
        await Db.DeleteAsync(a.Auto);
        Assert.That(await AExistsAsync("auto"), Is.False);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_auto_nullable")]
    public async Task Test_auto_nullable()
    {
        var a = await CreateAAsync("auto_nullable");
        await Db.DeleteAsync(a.AutoNullable!);
        Assert.That(await AExistsAsync("auto_nullable"), Is.False);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_setnull")]
    public async Task Test_setnull()
    {
        var a = await CreateAAsync("setnull");
        var result = await Db.DeleteAsync(a.Setnull!);
        // The A is only updated, so it is not counted.
        Assert.That(result.PerModel, Is.EquivalentTo(Counts(("R", 1))));
        a = await ReloadAsync(a);
        Assert.That(a.Setnull, Is.Null);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_setdefault")]
    public async Task Test_setdefault()
    {
        var a = await CreateAAsync("setdefault");
        var result = await Db.DeleteAsync(a.Setdefault);
        Assert.That(result.PerModel, Is.EquivalentTo(Counts(("R", 1))));
        a = await ReloadAsync(a);
        Assert.That(a.Setdefault.Id, Is.EqualTo(R.DefaultKey));
        Assert.That(a.Setdefault.IsDefault, Is.True);
        // Django's field default applies to a new object too: an A not given one points at the default R.
        Assert.That(new A().SetdefaultId, Is.EqualTo(R.DefaultKey));
    }

    [Test]
    [Description("django: tests/delete/tests.py test_setdefault_none")]
    public async Task Test_setdefault_none()
    {
        var a = await CreateAAsync("setdefault_none");
        await Db.DeleteAsync(a.SetdefaultNone!);
        a = await ReloadAsync(a);
        Assert.That(a.SetdefaultNone, Is.Null);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_cascade")]
    public async Task Test_cascade()
    {
        var a = await CreateAAsync("cascade");
        var result = await Db.DeleteAsync(a.Cascade);
        Assert.That(result.PerModel, Is.EquivalentTo(Counts(("R", 1), ("A", 1))));
        Assert.That(await AExistsAsync("cascade"), Is.False);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_cascade_nullable")]
    public async Task Test_cascade_nullable()
    {
        var a = await CreateAAsync("cascade_nullable");
        await Db.DeleteAsync(a.CascadeNullable!);
        Assert.That(await AExistsAsync("cascade_nullable"), Is.False);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_protect")]
    public async Task Test_protect()
    {
        var a = await CreateAAsync("protect");
        var protect = a.Protect!;
        var error = Assert.ThrowsAsync<ProtectedException>(() => Db.DeleteAsync(protect));
        Assert.That(error!.Message, Does.StartWith(
            "Cannot delete some instances of model 'R' because they are referenced through protected foreign keys: 'A.Protect'."));
        Assert.That(error.BlockingObjects.Select(o => ((A)o).Id), Is.EqualTo(new[] { a.Id }));
        // Nothing was deleted, and the object keeps its key.
        Assert.That(protect.Id, Is.Not.Zero);
        Assert.That(await R.Objects(Db).Filter(x => x.Id == protect.Id).ExistsAsync(), Is.True);
        Assert.That(await AExistsAsync("protect"), Is.True);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_protect_multiple")]
    public async Task Test_protect_multiple()
    {
        var a = await CreateAAsync("protect");
        var b = await CreateAsync(new B { Protect = a.Protect! });
        // The same R is also cascaded to: the refusal must leave that A in place as well.
        a.Cascade = a.Protect!;
        await Db.SaveAsync(a);
        var error = Assert.ThrowsAsync<ProtectedException>(() => Db.DeleteAsync(a.Protect!));
        Assert.That(error!.Message, Does.StartWith(
            "Cannot delete some instances of model 'R' because they are referenced through protected foreign keys: 'A.Protect', 'B.Protect'."));
        Assert.That(error.BlockingObjects.Select(o => o is A x ? $"A{x.Id}" : $"B{((B)o).Id}"), Is.EquivalentTo(new[] { $"A{a.Id}", $"B{b.Id}" }));
        Assert.That(await AExistsAsync("protect"), Is.True);
        Assert.That(await B.Objects(Db).ExistsAsync(), Is.True);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_protect_path")]
    public async Task Test_protect_path()
    {
        var a = await CreateAAsync("protect");
        var p = await CreateAsync(new P());
        a.Protect!.P = p;
        await Db.SaveAsync(a.Protect);
        var error = Assert.ThrowsAsync<ProtectedException>(() => Db.DeleteAsync(p));
        // Django names the first hop of the cascade that reached the protected object ('R.p'); RelGen names the
        // relation that protects it, which is the one to change to allow the delete.
        Assert.That(error!.Message, Does.StartWith(
            "Cannot delete some instances of model 'P' because they are referenced through protected foreign keys: 'A.Protect'."));
        Assert.That(error.BlockingObjects.Select(o => ((A)o).Id), Is.EqualTo(new[] { a.Id }));
        Assert.That(await P.Objects(Db).ExistsAsync(), Is.True);
        Assert.That(await R.Objects(Db).Filter(x => x.Id == a.ProtectId!.Value).ExistsAsync(), Is.True);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_do_nothing")]
    public async Task Test_do_nothing()
    {
        // Django moves the references away in a pre_delete signal, since DO_NOTHING would otherwise make the database
        // refuse. RelGen has no signals: the test moves them itself, in one transaction with the delete.
        var replacement = await CreateAsync(new R());
        var a = await CreateAAsync("do_nothing");
        var donothing = a.Donothing!;
        await using (var transaction = await Db.BeginTransactionAsync())
        {
            await replacement.DonothingSet.AddAsync(a);
            await Db.DeleteAsync(donothing);
            await transaction.CommitAsync();
        }
        a = await ReloadAsync(a);
        Assert.That(a.DonothingId, Is.EqualTo(replacement.Id));

        // Without that, RelGen does nothing and the database's constraint refuses: nothing is deleted.
        var other = await CreateAAsync("do_nothing 2");
        Assert.ThrowsAsync<IntegrityException>(() => Db.DeleteAsync(other.Donothing!));
        Assert.That(await R.Objects(Db).Filter(x => x.Id == other.DonothingId!.Value).ExistsAsync(), Is.True);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_do_nothing_qscount")]
    public async Task Test_do_nothing_qscount()
    {
        // A DoNothing relation doesn't trigger a query: RelToBase is not queried.
        var b = await CreateAsync(new Base());
        Sql.Clear();
        await Db.DeleteAsync(b);
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(Sql.Commands[0], Does.Not.Contain("del_rel_to_base"));
        Assert.That(await Base.Objects(Db).CountAsync(), Is.Zero);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_restrict")]
    public async Task Test_restrict()
    {
        var a = await CreateAAsync("restrict");
        var error = Assert.ThrowsAsync<RestrictedException>(() => Db.DeleteAsync(a.Restrict!));
        Assert.That(error!.Message, Does.StartWith(
            "Cannot delete some instances of model 'R' because they are referenced through restricted foreign keys: 'A.Restrict'."));
        Assert.That(error.BlockingObjects.Select(o => ((A)o).Id), Is.EqualTo(new[] { a.Id }));
        Assert.That(await R.Objects(Db).Filter(x => x.Id == a.RestrictId!.Value).ExistsAsync(), Is.True);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_restrict_multiple")]
    public async Task Test_restrict_multiple()
    {
        var a = await CreateAAsync("restrict");
        var b3 = await CreateAsync(new B3 { Restrict = a.Restrict! });
        var error = Assert.ThrowsAsync<RestrictedException>(() => Db.DeleteAsync(a.Restrict!));
        Assert.That(error!.Message, Does.StartWith(
            "Cannot delete some instances of model 'R' because they are referenced through restricted foreign keys: 'A.Restrict', 'B3.Restrict'."));
        Assert.That(error.BlockingObjects.Select(o => o is A x ? $"A{x.Id}" : $"B3{((B3)o).Id}"), Is.EquivalentTo(new[] { $"A{a.Id}", $"B3{b3.Id}" }));
    }

    [Test]
    [Description("django: tests/delete/tests.py test_restrict_path_cascade_indirect")]
    public async Task Test_restrict_path_cascade_indirect()
    {
        var a = await CreateAAsync("restrict");
        var p = await CreateAsync(new P());
        a.Restrict!.P = p;
        await Db.SaveAsync(a.Restrict);
        var error = Assert.ThrowsAsync<RestrictedException>(() => Db.DeleteAsync(p));
        Assert.That(error!.Message, Does.StartWith(
            "Cannot delete some instances of model 'P' because they are referenced through restricted foreign keys: 'A.Restrict'."));
        Assert.That(error.BlockingObjects.Select(o => ((A)o).Id), Is.EqualTo(new[] { a.Id }));

        // An object referenced also through a Cascade relation can be deleted: the cascade takes the restricting A.
        a.Cascade.P = p;
        await Db.SaveAsync(a.Cascade);
        var result = await Db.DeleteAsync(p);
        Assert.That(result.PerModel, Is.EquivalentTo(Counts(("P", 1), ("R", 2), ("A", 1))));
        Assert.That(await AExistsAsync("restrict"), Is.False);
        Assert.That(await R.Objects(Db).Filter(x => x.Id == a.RestrictId!.Value).ExistsAsync(), Is.False);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_restrict_path_cascade_direct")]
    public async Task Test_restrict_path_cascade_direct()
    {
        var a = await CreateAAsync("restrict");
        var p = await CreateAsync(new P());
        a.Restrict!.P = p;
        await Db.SaveAsync(a.Restrict);
        a.CascadeP = p;
        await Db.SaveAsync(a);
        await Db.DeleteAsync(p);
        Assert.That(await AExistsAsync("restrict"), Is.False);
        Assert.That(await R.Objects(Db).Filter(x => x.Id == a.RestrictId!.Value).ExistsAsync(), Is.False);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_restrict_path_cascade_indirect_diamond")]
    public async Task Test_restrict_path_cascade_indirect_diamond()
    {
        var deleteTop = await CreateAsync(new DeleteTop());
        var b1 = await CreateAsync(new B1 { DeleteTop = deleteTop });
        var b2 = await CreateAsync(new B2 { DeleteTop = deleteTop });
        var deleteBottom = await CreateAsync(new DeleteBottom { B1 = b1, B2 = b2 });
        var error = Assert.ThrowsAsync<RestrictedException>(() => Db.DeleteAsync(b1));
        Assert.That(error!.Message, Does.StartWith(
            "Cannot delete some instances of model 'B1' because they are referenced through restricted foreign keys: 'DeleteBottom.B1'."));
        Assert.That(error.BlockingObjects.Select(o => ((DeleteBottom)o).Id), Is.EqualTo(new[] { deleteBottom.Id }));
        Assert.That(await DeleteTop.Objects(Db).ExistsAsync(), Is.True);
        Assert.That(await B1.Objects(Db).ExistsAsync(), Is.True);
        Assert.That(await B2.Objects(Db).ExistsAsync(), Is.True);
        Assert.That(await DeleteBottom.Objects(Db).ExistsAsync(), Is.True);

        // Referenced also through a Cascade relation (B2's), the bottom goes with the top.
        var result = await Db.DeleteAsync(deleteTop);
        Assert.That(result.PerModel, Is.EquivalentTo(Counts(("DeleteTop", 1), ("B1", 1), ("B2", 1), ("DeleteBottom", 1))));
        Assert.That(await DeleteTop.Objects(Db).ExistsAsync(), Is.False);
        Assert.That(await B1.Objects(Db).ExistsAsync(), Is.False);
        Assert.That(await B2.Objects(Db).ExistsAsync(), Is.False);
        Assert.That(await DeleteBottom.Objects(Db).ExistsAsync(), Is.False);
    }

    // DeletionTests

    [Test]
    [Description("django: tests/delete/tests.py test_m2m")]
    public async Task Test_m2m()
    {
        // Only the explicit link models (MR, MRNull): RelGen has no many-to-many fields.
        var m = await CreateAsync(new M());
        var r = await CreateAsync(new R());
        await CreateAsync(new MR { M = m, R = r });
        await Db.DeleteAsync(r);
        Assert.That(await MR.Objects(Db).ExistsAsync(), Is.False);

        r = await CreateAsync(new R());
        await CreateAsync(new MR { M = m, R = r });
        await Db.DeleteAsync(m);
        Assert.That(await MR.Objects(Db).ExistsAsync(), Is.False);

        m = await CreateAsync(new M());
        r = await CreateAsync(new R());
        await CreateAsync(new MRNull { M = m, R = r });
        await Db.DeleteAsync(r);
        Assert.That(await MRNull.Objects(Db).ExistsAsync(), Is.True);
        Assert.That(await MRNull.Objects(Db).Filter(x => x.M == m & x.R.IsNull(false)).ExistsAsync(), Is.False);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_bulk")]
    public async Task Test_bulk()
    {
        var s = await CreateAsync(new S { R = await CreateAsync(new R()) });
        await Db.BulkCreateAsync(Enumerable.Range(0, 2 * 100).Select(_ => new T { S = s }).ToList());
        Sql.Clear();
        await Db.DeleteAsync(s);
        // RelGen: one round trip, a batch that reads the cascade's tables' deletion counters, deletes the root row (the
        // foreign keys' ON DELETE rules do the rest), and reads the counters again (see Delete/CascadePlan.cs).
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(await S.Objects(Db).ExistsAsync(), Is.False);
        Assert.That(await T.Objects(Db).ExistsAsync(), Is.False);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_instance_update")]
    public async Task Test_instance_update()
    {
        // Django checks, in pre_delete signals, that deleted instances lose their key and SetNull rows read null.
        // Without signals: the deleted object's key is reset, and the rows that pointed at it read null.
        var a = await CreateAAsync("update_setnull");
        var setnull = a.Setnull!;
        await Db.DeleteAsync(setnull);
        Assert.That(setnull.Id, Is.Zero);
        Assert.That((await ReloadAsync(a)).Setnull, Is.Null);

        a = await CreateAAsync("update_cascade");
        var cascade = a.Cascade;
        await Db.DeleteAsync(cascade);
        Assert.That(cascade.Id, Is.Zero);
        Assert.That(await AExistsAsync("update_cascade"), Is.False);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_can_defer_constraint_checks")]
    public async Task Test_can_defer_constraint_checks()
    {
        var u = await CreateAsync(new User { Avatar = await CreateAsync(new Avatar()) });
        var a = await Avatar.Objects(Db).GetAsync(x => x.Id == u.AvatarId!.Value);
        Sql.Clear();
        await Db.DeleteAsync(a);
        // RelGen: one round trip, a batch that reads the cascade's tables' deletion counters, deletes the root row (the
        // foreign keys' ON DELETE rules do the rest), and reads the counters again (see Delete/CascadePlan.cs).
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(Sql.Commands, Has.None.StartsWith("UPDATE"));
        Assert.That(await User.Objects(Db).ExistsAsync(), Is.False);
        Assert.That(await Avatar.Objects(Db).ExistsAsync(), Is.False);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_hidden_related")]
    public async Task Test_hidden_related()
    {
        var r = await CreateAsync(new R());
        var h = await CreateAsync(new HiddenUser { R = r });
        await CreateAsync(new HiddenUserProfile { User = h });
        await Db.DeleteAsync(r);
        Assert.That(await HiddenUserProfile.Objects(Db).CountAsync(), Is.Zero);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_large_delete")]
    public async Task Test_large_delete()
    {
        await Db.BulkCreateAsync(Enumerable.Range(0, 2000).Select(_ => new Avatar()).ToList());
        Sql.Clear();
        var result = await Avatar.Objects(Db).DeleteAsync();
        // RelGen: one round trip (Avatar has no referrers here: one DELETE, counted from its command tag).
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(result.PerModel, Is.EquivalentTo(Counts(("Avatar", 2000))));
        Assert.That(await Avatar.Objects(Db).ExistsAsync(), Is.False);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_large_delete_related")]
    public async Task Test_large_delete_related()
    {
        var s = await CreateAsync(new S { R = await CreateAsync(new R()) });
        await Db.BulkCreateAsync(Enumerable.Range(0, 2000).Select(_ => new T { S = s }).ToList());
        Sql.Clear();
        var result = await Db.DeleteAsync(s);
        // RelGen: one round trip, a batch that reads the cascade's tables' deletion counters, deletes the root row (the
        // foreign keys' ON DELETE rules do the rest), and reads the counters again (see Delete/CascadePlan.cs).
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(result.PerModel, Is.EquivalentTo(Counts(("S", 1), ("T", 2000))));
        Assert.That(await S.Objects(Db).ExistsAsync(), Is.False);
        Assert.That(await T.Objects(Db).ExistsAsync(), Is.False);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_queryset_delete_returns_num_rows")]
    public async Task Test_queryset_delete_returns_num_rows()
    {
        await Db.BulkCreateAsync(new[] { new Avatar { Desc = "a" }, new Avatar { Desc = "b" }, new Avatar { Desc = "c" } });
        var avatarsCount = await Avatar.Objects(Db).CountAsync();
        var deleted = await Avatar.Objects(Db).DeleteAsync();
        Assert.That(deleted.Total, Is.EqualTo(avatarsCount));

        // A more complex example with multiple object types.
        var r = await CreateAsync(new R());
        var h1 = await CreateAsync(new HiddenUser { R = r });
        await CreateAsync(new HiddenUser { R = r });
        await CreateAsync(new HiddenUserProfile { User = h1 });
        var existed = new Dictionary<string, int>
        {
            ["R"] = await R.Objects(Db).CountAsync(),
            ["HiddenUser"] = await HiddenUser.Objects(Db).CountAsync(),
            ["A"] = await A.Objects(Db).CountAsync(),
            ["MR"] = await MR.Objects(Db).CountAsync(),
            ["HiddenUserProfile"] = await HiddenUserProfile.Objects(Db).CountAsync(),
        };
        deleted = await R.Objects(Db).DeleteAsync();
        // RelGen lists only models with deleted rows (Django also lists fast-deleted models with 0).
        foreach (var (model, count) in existed)
            Assert.That(deleted.PerModel.GetValueOrDefault(model), Is.EqualTo(count), model);
        Assert.That(deleted.PerModel.Values, Has.All.Positive);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_model_delete_returns_num_rows")]
    public async Task Test_model_delete_returns_num_rows()
    {
        var r = await CreateAsync(new R());
        var h1 = await CreateAsync(new HiddenUser { R = r });
        var h2 = await CreateAsync(new HiddenUser { R = r });
        await CreateAsync(new HiddenUser { R = r });
        await CreateAsync(new HiddenUserProfile { User = h1 });
        await CreateAsync(new HiddenUserProfile { User = h2 });
        var m1 = await CreateAsync(new M());
        var m2 = await CreateAsync(new M());
        await CreateAsync(new MR { R = r, M = m1 });
        // Django adds r to m1 and m2 through the many-to-many field too; here those are two more link rows.
        await CreateAsync(new MR { R = r, M = m1 });
        await CreateAsync(new MR { R = r, M = m2 });
        await Db.SaveAsync(r);
        var existed = new Dictionary<string, int>
        {
            ["R"] = 1,
            ["HiddenUser"] = await HiddenUser.Objects(Db).CountAsync(),
            ["MR"] = await MR.Objects(Db).CountAsync(),
            ["HiddenUserProfile"] = await HiddenUserProfile.Objects(Db).CountAsync(),
        };
        var deleted = await Db.DeleteAsync(r);
        Assert.That(deleted.Total, Is.EqualTo(existed.Values.Sum()));
        Assert.That(deleted.PerModel, Is.EquivalentTo(existed));
    }

    [Test]
    [Description("django: tests/delete/tests.py test_proxied_model_duplicate_queries")]
    public async Task Test_proxied_model_duplicate_queries()
    {
        // Django's point: a proxy model adds no query. RelGen has no proxy models; the count still holds: one round trip
        // locking the avatar, one batch deleting its users (none) and it.
        var avatar = await CreateAsync(new Avatar());
        Sql.Clear();
        await Db.DeleteAsync(avatar);
        // RelGen: one round trip, a batch that reads the cascade's tables' deletion counters, deletes the root row (the
        // foreign keys' ON DELETE rules do the rest), and reads the counters again (see Delete/CascadePlan.cs).
        Assert.That(Sql.Count, Is.EqualTo(1));
    }

    [Test]
    [Description("django: tests/delete/tests.py test_only_referenced_fields_selected")]
    public async Task Test_only_referenced_fields_selected()
    {
        var origin = await CreateAsync(new Origin());
        Sql.Clear();
        await Db.DeleteAsync(origin);
        // RelGen: one round trip, a batch that reads the cascade's tables' deletion counters, deletes the root row (the
        // foreign keys' ON DELETE rules do the rest), and reads the counters again (see Delete/CascadePlan.cs).
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(Sql.Commands[0], Does.Contain("DELETE FROM \"del_origin\" t0 WHERE (\"id\" = $1)"));
        Assert.That(Sql.Commands[0], Does.Contain("pg_stat_get_xact_tuples_deleted('\"del_referrer\"'::regclass)"));
        Assert.That(Sql.Commands[0], Does.Not.Contain("large_field"));
    }

    // FastDeleteTests

    [Test]
    [Description("django: tests/delete/tests.py test_fast_delete_fk")]
    public async Task Test_fast_delete_fk()
    {
        var u = await CreateAsync(new User { Avatar = await CreateAsync(new Avatar()) });
        var a = await Avatar.Objects(Db).GetAsync(x => x.Id == u.AvatarId!.Value);
        Sql.Clear();
        // Django: 1 query fast-deleting the user, 1 deleting the avatar. RelGen: 1 locking the avatar, 1 batch with both deletes.
        var result = await Db.DeleteAsync(a);
        // RelGen: one round trip, a batch that reads the cascade's tables' deletion counters, deletes the root row (the
        // foreign keys' ON DELETE rules do the rest), and reads the counters again (see Delete/CascadePlan.cs).
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(result.PerModel, Is.EquivalentTo(Counts(("Avatar", 1), ("User", 1))));
        Assert.That(await User.Objects(Db).ExistsAsync(), Is.False);
        Assert.That(await Avatar.Objects(Db).ExistsAsync(), Is.False);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_fast_delete_qs")]
    public async Task Test_fast_delete_qs()
    {
        var u1 = await CreateAsync(new User());
        var u2 = await CreateAsync(new User());
        Sql.Clear();
        await User.Objects(Db).Filter(x => x.Id == u1.Id).DeleteAsync();
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(await User.Objects(Db).CountAsync(), Is.EqualTo(1));
        Assert.That(await User.Objects(Db).Filter(x => x.Id == u2.Id).ExistsAsync(), Is.True);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_fast_delete_instance_set_pk_none")]
    public async Task Test_fast_delete_instance_set_pk_none()
    {
        var u = await CreateAsync(new User());
        // (Django also asks its Collector whether the user can be fast-deleted; that is internal here.)
        await Db.DeleteAsync(u);
        Assert.That(u.Id, Is.Zero);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_fast_delete_joined_qs")]
    public async Task Test_fast_delete_joined_qs()
    {
        var a = await CreateAsync(new Avatar { Desc = "a" });
        await CreateAsync(new User { Avatar = a });
        var u2 = await CreateAsync(new User());
        Sql.Clear();
        await User.Objects(Db).Filter(x => x.Avatar.Desc == "a").DeleteAsync();
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(await User.Objects(Db).CountAsync(), Is.EqualTo(1));
        Assert.That(await User.Objects(Db).Filter(x => x.Id == u2.Id).ExistsAsync(), Is.True);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_fast_delete_large_batch")]
    public async Task Test_fast_delete_large_batch()
    {
        await Db.BulkCreateAsync(Enumerable.Range(0, 2000).Select(_ => new User()).ToList());
        // No cascade: the users go in a single query.
        Sql.Clear();
        await User.Objects(Db).DeleteAsync();
        Assert.That(Sql.Count, Is.EqualTo(1));

        var a = await CreateAsync(new Avatar { Desc = "a" });
        await Db.BulkCreateAsync(Enumerable.Range(0, 2000).Select(_ => new User { Avatar = a }).ToList());
        Sql.Clear();
        var result = await Db.DeleteAsync(a);
        // RelGen: one round trip, a batch that reads the cascade's tables' deletion counters, deletes the root row (the
        // foreign keys' ON DELETE rules do the rest), and reads the counters again (see Delete/CascadePlan.cs).
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(result.PerModel, Is.EquivalentTo(Counts(("Avatar", 1), ("User", 2000))));
        Assert.That(await User.Objects(Db).CountAsync(), Is.Zero);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_fast_delete_empty_no_update_can_self_select")]
    public async Task Test_fast_delete_empty_no_update_can_self_select()
    {
        Sql.Clear();
        var result = await User.Objects(Db).Filter(x => x.Avatar.Desc == "missing").DeleteAsync();
        Assert.That(Sql.Count, Is.EqualTo(1));
        // Django returns (0, {'delete.User': 0}); RelGen lists only models with deleted rows.
        Assert.That(result.Total, Is.Zero);
        Assert.That(result.PerModel, Is.Empty);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_fast_delete_all")]
    public async Task Test_fast_delete_all()
    {
        await CreateAsync(new User());
        Sql.Clear();
        await User.Objects(Db).DeleteAsync();
        // Deleting every row needs no subquery.
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(Sql.Commands[0], Does.Not.Contain(" IN (SELECT"));
        Assert.That(await User.Objects(Db).ExistsAsync(), Is.False);
    }

    [Test]
    [Description("django: tests/delete/tests.py test_fast_delete_combined_relationships")]
    public async Task Test_fast_delete_combined_relationships()
    {
        // Django combines the fast deletes of SecondReferrer's two relations in one statement; the second is to a
        // non-key column (to_field), left out here. The count holds: lock the referrer, one batch.
        var origin = await CreateAsync(new Origin());
        var referrer = await CreateAsync(new Referrer { Origin = origin, UniqueField = 42 });
        await CreateAsync(new SecondReferrer { Referrer = referrer });
        Sql.Clear();
        var result = await Db.DeleteAsync(referrer);
        // RelGen: one round trip, a batch that reads the cascade's tables' deletion counters, deletes the root row (the
        // foreign keys' ON DELETE rules do the rest), and reads the counters again (see Delete/CascadePlan.cs).
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(result.PerModel, Is.EquivalentTo(Counts(("Referrer", 1), ("SecondReferrer", 1))));
    }

    // RelGen's additions

    [Test]
    [Description("relgen: cascade through depth (R, S, T, U), counted per model, atomically with a nothing-deleted failure")]
    public async Task CascadeThroughDepth()
    {
        var r = await CreateAsync(new R());
        var s = await CreateAsync(new S { R = r });
        var t1 = await CreateAsync(new T { S = s });
        await CreateAsync(new T { S = s });
        await CreateAsync(new U { T = t1 });
        await CreateAsync(new U { T = t1 });
        var result = await Db.DeleteAsync(r);
        Assert.That(result.PerModel, Is.EquivalentTo(Counts(("R", 1), ("S", 1), ("T", 2), ("U", 2))));
        Assert.That(result.Total, Is.EqualTo(6));
        Assert.That(await U.Objects(Db).ExistsAsync(), Is.False);

        // A protected object deep down refuses the whole delete.
        r = await CreateAsync(new R());
        s = await CreateAsync(new S { R = r });
        var p = await CreateAsync(new P());
        r.P = p;
        await Db.SaveAsync(r);
        await CreateAsync(new B { Protect = r });
        Assert.ThrowsAsync<ProtectedException>(() => Db.DeleteAsync(p));
        Assert.That(await S.Objects(Db).Filter(x => x.Id == s.Id).ExistsAsync(), Is.True);
    }

    [Test]
    [Description("relgen: cascade through a self reference, and Restrict within one tree")]
    public async Task CascadeThroughASelfReference()
    {
        var root = await CreateAsync(new TreeNode { Name = "root" });
        var child = await CreateAsync(new TreeNode { Name = "child", Parent = root });
        var grandchild = await CreateAsync(new TreeNode { Name = "grandchild", Parent = child });
        await CreateAsync(new TreeNode { Name = "sibling", Parent = root });
        var other = await CreateAsync(new TreeNode { Name = "other" });

        // The grandchild restricts deleting "other"...
        grandchild.LinkedTo = other;
        await Db.SaveAsync(grandchild);
        var error = Assert.ThrowsAsync<RestrictedException>(() => Db.DeleteAsync(other));
        Assert.That(error!.Message, Does.Contain("'TreeNode.LinkedTo'"));

        // ...but not deleting the whole tree when "other" is part of it: the restricting node goes with it.
        other.Parent = child;
        await Db.SaveAsync(other);
        var result = await Db.DeleteAsync(root);
        Assert.That(result.PerModel, Is.EquivalentTo(Counts(("TreeNode", 5))));
        Assert.That(await TreeNode.Objects(Db).ExistsAsync(), Is.False);
    }

    [Test]
    [Description("relgen: a cascade tree three levels deep (S, T, U) by key and by query set: counts per level, siblings untouched")]
    public async Task CascadeTreeByKeyAndByQuerySet()
    {
        async Task<S> TreeAsync(R r, int ts, int usPerT)
        {
            var s = await CreateAsync(new S { R = r });
            for (var i = 0; i < ts; i++)
            {
                var t = await CreateAsync(new T { S = s });
                for (var j = 0; j < usPerT; j++)
                    await CreateAsync(new U { T = t });
            }
            return s;
        }
        var r = await CreateAsync(new R());
        var byKey = await TreeAsync(r, ts: 2, usPerT: 3);
        var byQuery = await TreeAsync(r, ts: 3, usPerT: 1);
        var kept = await TreeAsync(r, ts: 1, usPerT: 2);

        Sql.Clear();
        var result = await Db.DeleteAsync(byKey);
        Assert.That(Sql.Count, Is.EqualTo(1));
        Assert.That(result.PerModel, Is.EquivalentTo(Counts(("S", 1), ("T", 2), ("U", 6))));

        result = await S.Objects(Db).Filter(x => x.Id == byQuery.Id).DeleteAsync();
        Assert.That(result.PerModel, Is.EquivalentTo(Counts(("S", 1), ("T", 3), ("U", 3))));

        Assert.That(await S.Objects(Db).CountAsync(), Is.EqualTo(1));
        Assert.That(await T.Objects(Db).Filter(t => t.S.Id == kept.Id).CountAsync(), Is.EqualTo(1));
        Assert.That(await U.Objects(Db).CountAsync(), Is.EqualTo(2));
    }

    [Test]
    [Description("relgen: a query set delete of nothing returns 0 and no rows per model")]
    public async Task DeletingNothingReturnsZero()
    {
        await CreateAAsync("kept");
        var result = await R.Objects(Db).Filter(x => x.Id == -1).DeleteAsync();
        Assert.That(result.Total, Is.Zero);
        Assert.That(result.PerModel, Is.Empty);
        Assert.That(await AExistsAsync("kept"), Is.True);
    }
}
