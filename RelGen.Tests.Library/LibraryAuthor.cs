using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Library;

/// <summary>A model of a library assembly: test models point at it.</summary>
[Model(Table = "lib_author")]
public partial class LibraryAuthor
{
    public int Id { get; set; }
    [MaxLength(60), Unique] public string Name { get; set; } = "";
}
