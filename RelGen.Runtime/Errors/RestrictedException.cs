namespace RelGen;

/// <summary>A delete was refused because objects point at a deleted object through an <see cref="OnDelete.Restrict"/> relation and are not deleted by the same operation. Nothing was deleted.</summary>
public sealed class RestrictedException : RelGenException
{
    public RestrictedException(string message, IReadOnlyList<object> blockingObjects) : base(message)
        => BlockingObjects = blockingObjects;

    /// <summary>The objects that block the delete.</summary>
    public IReadOnlyList<object> BlockingObjects { get; }
}
