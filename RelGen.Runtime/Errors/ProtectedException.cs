namespace RelGen;

/// <summary>A delete was refused because objects point at a deleted object through an <see cref="OnDelete.Protect"/> relation. Nothing was deleted.</summary>
public sealed class ProtectedException : RelGenException
{
    public ProtectedException(string message, IReadOnlyList<object> blockingObjects) : base(message)
        => BlockingObjects = blockingObjects;

    /// <summary>The objects that block the delete.</summary>
    public IReadOnlyList<object> BlockingObjects { get; }
}
