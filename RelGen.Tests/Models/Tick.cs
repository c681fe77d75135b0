namespace RelGen.Tests.Models;

/// <summary>
/// A row whose materialization can be watched: the generated reader sets <see cref="N"/> through its setter, which calls
/// <see cref="Reading"/> (per async flow), so a test can cancel a read after exactly k rows and count the rows read.
/// </summary>
[Model(Table = "val_tick")]
public partial class Tick
{
    private int _n;

    public static readonly AsyncLocal<Action?> Reading = new();

    public int Id { get; set; }

    public int N
    {
        get => _n;
        set
        {
            _n = value;
            Reading.Value?.Invoke();
        }
    }

    [ForeignKey(OnDelete = OnDelete.Cascade)]
    public partial TickGroup? Group { get; set; }

    public override string ToString() => "tick " + N;
}
