namespace RelGen.Tests.Django.Delete;

[Model(Table = "del_user")]
public partial class User
{
    public int Id { get; set; }
    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial Avatar? Avatar { get; set; }
    public override string ToString() => $"User {Id}";
}
