namespace RelGen;

/// <summary>A <c>GetAsync</c> matched more than one object.</summary>
public sealed class MultipleObjectsReturnedException : RelGenException
{
    /// <summary>Creates the error for a <c>GetAsync</c> on <paramref name="model"/> that matched <paramref name="count"/> objects.</summary>
    public MultipleObjectsReturnedException(string model, int count)
        : base($"GetAsync() returned more than one {model} -- it returned {count}{(count >= GetLimit ? " or more" : "")}!")
    {
        Model = model;
        Count = count;
    }

    /// <summary>How many rows <c>GetAsync</c> reads at most to tell the count.</summary>
    internal const int GetLimit = 21;

    /// <summary>The model's class name.</summary>
    public string Model { get; }

    /// <summary>How many objects matched (at most 21 are read, as in Django).</summary>
    public int Count { get; }
}
