using RelGen.Tests.Models;
using RelGen.Tests.Support;

namespace RelGen.Tests.Writes;

/// <summary>
/// The generated typed <c>CreateAsync</c> of a reverse manager, run against PostgreSQL (issue 11, item 8): arguments land
/// in their own columns whether passed by name or position, and a parameter left out saves the property's initial value
/// (its initialiser, or its <c>[DefaultValue]</c>). The row is read back from the database, not from the returned object.
/// </summary>
public sealed class TypedCreateTests : SchemaTest
{
    private Account account = null!;

    [SetUp]
    public async Task ResetAsync()
    {
        await TableReset.TruncateAsync(ConnectionString, "w_");
        account = new Account { Login = "ann" };
        await Db.SaveAsync(account);
    }

    private Task<Profile> StoredAsync(int id) => Profile.Objects(Db).GetAsync(p => p.Id == id);

    [Test]
    public async Task NamedArgumentsInAnyOrderLandInTheirColumns()
    {
        var created = await account.Profiles.CreateAsync(quota: 3, timeZone: "Europe/Paris", website: "https://ann.example", birthYear: 1990, bio: "likes tea");

        var stored = await StoredAsync(created.Id);
        Assert.That((stored.Bio, stored.BirthYear, stored.Website, stored.TimeZone, stored.Quota, stored.OwnerId),
            Is.EqualTo(("likes tea", 1990, "https://ann.example", "Europe/Paris", 3, account.Id)));
    }

    [Test]
    public async Task PositionalArgumentsFollowTheDeclarationOrder()
    {
        var created = await account.Profiles.CreateAsync("likes tea", 1990, "https://ann.example", "Europe/Paris", 3);

        var stored = await StoredAsync(created.Id);
        Assert.That((stored.Bio, stored.BirthYear, stored.Website, stored.TimeZone, stored.Quota),
            Is.EqualTo(("likes tea", 1990, "https://ann.example", "Europe/Paris", 3)));
    }

    [Test]
    public async Task LeftOutParametersSaveTheInitialValues()
    {
        var created = await account.Profiles.CreateAsync(null, 1990);

        var stored = await StoredAsync(created.Id);
        // TimeZone's initialiser ("UTC") and Quota's [DefaultValue(10)] reach the row; Website is NULL.
        Assert.That((stored.Bio, stored.BirthYear, stored.Website, stored.TimeZone, stored.Quota),
            Is.EqualTo(((string?)null, 1990, (string?)null, "UTC", 10)));
        Assert.That((created.TimeZone, created.Quota), Is.EqualTo(("UTC", 10)), "the returned object holds what was saved");
    }

    [Test]
    public async Task AnExplicitNullForAnInitialisedColumnKeepsTheInitialValue()
    {
        // timeZone is string? only so it can be left out: null means "keep the initial value", never a NULL in a NOT NULL column.
        var created = await account.Profiles.CreateAsync(bio: "b", birthYear: 2000, timeZone: null, quota: 0);

        var stored = await StoredAsync(created.Id);
        Assert.That((stored.TimeZone, stored.Quota), Is.EqualTo(("UTC", 0)));
    }
}
