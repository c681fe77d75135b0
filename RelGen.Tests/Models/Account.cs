using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Models;

/// <summary>The owner of <see cref="Profile"/>s, whose reverse manager has the typed <c>CreateAsync</c> under test.</summary>
[Model(Table = "w_account")]
public partial class Account
{
    public int Id { get; set; }
    [MaxLength(30)] public string Login { get; set; } = "";
    public override string ToString() => Login;
}
