namespace RelGen;

/// <summary>A delete was refused because objects point at a deleted object through an <see cref="OnDelete.Restrict"/> relation and are not deleted by the same operation. Nothing was deleted.</summary>
public sealed class RestrictedException : RelGenException
{
    /// <summary>Creates the error, naming in <paramref name="blockingObjects"/> the objects whose restricting relations refused the delete.</summary>
    public RestrictedException(string message, IReadOnlyList<object> blockingObjects) : base(message)
        => BlockingObjects = blockingObjects;

    /// <summary>The objects that block the delete.</summary>
    public IReadOnlyList<object> BlockingObjects { get; }
}
