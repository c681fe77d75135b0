namespace RelGen.Tests.Django.Delete;

/// <summary>Django hides this relation's reverse side (<c>related_name="+"</c>); RelGen always generates one, which changes nothing on delete.</summary>
[Model(Table = "del_hidden_user")]
public partial class HiddenUser
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial R R { get; set; }
}
