using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Django.Delete;

/// <summary>
/// Django's A: one relation to <see cref="R"/> per on-delete rule. Django's <c>related_name</c> names both the
/// reverse manager and the reverse lookup, so each relation sets both. Left out: <c>setvalue</c> (<c>SET(callable)</c>
/// is not an OnDelete rule), <c>child</c>/<c>child_setnull</c> (multi-table inheritance) and <c>o2o_setnull</c>
/// (no one-to-one fields).
/// </summary>
[Model(Table = "del_a")]
public partial class A
{
    public int Id { get; set; }
    [MaxLength(30)] public string Name { get; set; } = "";

    [ForeignKey(OnDelete = OnDelete.Cascade, RelatedName = "AutoSet", RelatedQueryName = "AutoSet")]
    public partial R Auto { get; set; }

    [ForeignKey(OnDelete = OnDelete.Cascade, RelatedName = "AutoNullableSet", RelatedQueryName = "AutoNullableSet")]
    public partial R? AutoNullable { get; set; }

    [ForeignKey(OnDelete = OnDelete.SetNull, RelatedName = "SetnullSet", RelatedQueryName = "SetnullSet")]
    public partial R? Setnull { get; set; }

    [ForeignKey(OnDelete = OnDelete.SetDefault, RelatedName = "SetdefaultSet", RelatedQueryName = "SetdefaultSet")]
    [DefaultValue(R.DefaultKey)]
    public partial R Setdefault { get; set; }

    [ForeignKey(OnDelete = OnDelete.SetDefault, RelatedName = "SetnullNullableSet", RelatedQueryName = "SetnullNullableSet")]
    [DefaultValue(null)]
    public partial R? SetdefaultNone { get; set; }

    [ForeignKey(OnDelete = OnDelete.Cascade, RelatedName = "CascadeSet", RelatedQueryName = "CascadeSet")]
    public partial R Cascade { get; set; }

    [ForeignKey(OnDelete = OnDelete.Cascade, RelatedName = "CascadeNullableSet", RelatedQueryName = "CascadeNullableSet")]
    public partial R? CascadeNullable { get; set; }

    [ForeignKey(OnDelete = OnDelete.Protect, RelatedName = "ProtectSet", RelatedQueryName = "ProtectSet")]
    public partial R? Protect { get; set; }

    [ForeignKey(OnDelete = OnDelete.Restrict, RelatedName = "RestrictSet", RelatedQueryName = "RestrictSet")]
    public partial R? Restrict { get; set; }

    [ForeignKey(OnDelete = OnDelete.DoNothing, RelatedName = "DonothingSet", RelatedQueryName = "DonothingSet")]
    public partial R? Donothing { get; set; }

    [ForeignKey(OnDelete = OnDelete.Cascade, RelatedName = "CascadePSet", RelatedQueryName = "CascadePSet")]
    public partial P? CascadeP { get; set; }

    public override string ToString() => $"A {Name}";
}
