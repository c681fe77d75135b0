namespace RelGen;

/// <summary>The base of every exception RelGen throws for a reason of its own.</summary>
public class RelGenException : Exception
{
    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public RelGenException(string message) : base(message) { }

    /// <summary>Creates the exception with <paramref name="message"/>, caused by <paramref name="inner"/>.</summary>
    public RelGenException(string message, Exception? inner) : base(message, inner) { }
}
