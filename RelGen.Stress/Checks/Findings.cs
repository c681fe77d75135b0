namespace RelGen.Stress.Checks;

/// <summary>What the checks found wrong, and how much they checked.</summary>
internal sealed class Findings
{
    public List<string> Lost { get; } = [];
    public List<string> Ghosts { get; } = [];
    public List<string> Partial { get; } = [];
    public List<string> Miscounted { get; } = [];
    public List<string> Leaks { get; } = [];
    public int DeletesChecked { get; set; }
    public int RowsDeleted { get; set; }
}
