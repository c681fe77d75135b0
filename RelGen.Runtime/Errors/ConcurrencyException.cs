namespace RelGen;

/// <summary>
/// A save of an object with a <c>[ConcurrencyCheck]</c> version matched no row: since the object was loaded (or last saved),
/// its row was changed (the version moved on) or deleted. Nothing was written; reload the object
/// (<c>RefreshAsync</c>) and apply the change again, or give up.
/// </summary>
public sealed class ConcurrencyException : RelGenException
{
    /// <summary>Creates the error for the object of <paramref name="model"/> with key <paramref name="key"/>, saved expecting version <paramref name="version"/>.</summary>
    public ConcurrencyException(string model, string key, string version)
        : base($"{model} with key {key} was changed or deleted by someone else since version {version} was read; nothing was written. "
               + "Reload it (RefreshAsync) and apply the change again.")
    {
        Model = model;
        Key = key;
        Version = version;
    }

    /// <summary>The model's class name.</summary>
    public string Model { get; }

    /// <summary>The key of the object, as text.</summary>
    public string Key { get; }

    /// <summary>The version the save expected the row to have, as text.</summary>
    public string Version { get; }
}
