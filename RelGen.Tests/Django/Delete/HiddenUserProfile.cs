namespace RelGen.Tests.Django.Delete;

[Model(Table = "del_hidden_user_profile")]
public partial class HiddenUserProfile
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial HiddenUser User { get; set; }
}
