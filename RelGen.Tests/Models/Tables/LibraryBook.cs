using System.ComponentModel.DataAnnotations;
using RelGen.Tests.Library;

namespace RelGen.Tests.Models.Tables;

/// <summary>A model pointing at a model of another assembly (RelGen.Tests.Library).</summary>
[Model(Table = "lib_book")]
public partial class LibraryBook
{
    public int Id { get; set; }
    [MaxLength(80)] public string Title { get; set; } = "";
    [ForeignKey(OnDelete = OnDelete.Protect)] public partial LibraryAuthor Author { get; set; }
}
