namespace RelGen;

/// <summary>A delete was refused because objects point at a deleted object through an <see cref="OnDelete.Protect"/> relation. Nothing was deleted.</summary>
public sealed class ProtectedException : RelGenException
{
    /// <summary>Creates the error, naming in <paramref name="blockingObjects"/> the objects whose protecting relations refused the delete.</summary>
    public ProtectedException(string message, IReadOnlyList<object> blockingObjects) : base(message)
        => BlockingObjects = blockingObjects;

    /// <summary>The objects that block the delete.</summary>
    public IReadOnlyList<object> BlockingObjects { get; }
}
