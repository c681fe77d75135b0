using System.ComponentModel.DataAnnotations;
using RelGen;

namespace RelGen.Benchmarks.Models;

[Model]
public partial class Reporter
{
    public int Id { get; set; }
    [MaxLength(30)] public string FirstName { get; set; } = "";
    [MaxLength(30)] public string LastName { get; set; } = "";
    [MaxLength(254)] public string Email { get; set; } = "";
}
