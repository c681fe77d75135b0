namespace RelGen.Tests.Django.Delete;

/// <summary>Django's SecondReferrer without <c>other_referrer</c>, which points at a non-key column (<c>to_field</c>).</summary>
[Model(Table = "del_second_referrer")]
public partial class SecondReferrer
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial Referrer Referrer { get; set; }
}
