using System.ComponentModel.DataAnnotations;
using RelGen;

namespace Newsroom.Models;

[Model]
public partial class Reporter
{
    public int Id { get; set; }
    [MaxLength(30)] public string FirstName { get; set; } = "";
    [MaxLength(30)] public string LastName { get; set; } = "";
    [EmailAddress] public string Email { get; set; } = "";
    public override string ToString() => $"{FirstName} {LastName}";
}
