using System.ComponentModel;

namespace RelGen.Tests.Models;

/// <summary>
/// A child whose columns mix what the typed <c>CreateAsync</c> must order and default: a nullable column before a required
/// one, then a nullable one, an initialised one and a <c>[DefaultValue]</c> one (issue 11, item 8).
/// </summary>
[Model(Table = "w_profile")]
public partial class Profile
{
    public int Id { get; set; }
    public string? Bio { get; set; }
    public int BirthYear { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade, RelatedName = "Profiles", RelatedQueryName = "Profile")]
    public partial Account Owner { get; set; }
    public string? Website { get; set; }
    public string TimeZone { get; set; } = "UTC";
    [DefaultValue(10)] public int Quota { get; set; }
    public override string ToString() => Bio ?? "profile";
}
