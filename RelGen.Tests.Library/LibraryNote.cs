namespace RelGen.Tests.Library;

/// <summary>An internal model: nothing outside this assembly can name it, yet its table belongs to the schema.</summary>
[Model(Table = "lib_note")]
internal partial class LibraryNote
{
    public string Text { get; set; } = "";
}
