using System.ComponentModel.DataAnnotations;
using RelGen;

namespace Evolution.Models;

// Step 2 added Nickname and its index: `dotnet relgen migrations add AddNickname`.
[Model, Index(nameof(Nickname))]
public partial class Reporter
{
    public int Id { get; set; }
    [MaxLength(30)] public string FirstName { get; set; } = "";
    [MaxLength(30)] public string LastName { get; set; } = "";
    [Unique, MaxLength(100), EmailAddress] public string Email { get; set; } = "";
    [MaxLength(20)] public string? Nickname { get; set; }
    public override string ToString() => $"{FirstName} {LastName}";
}
