namespace RelGen;

/// <summary>The base of every exception RelGen throws for a reason of its own.</summary>
public class RelGenException : Exception
{
    public RelGenException(string message) : base(message) { }
    public RelGenException(string message, Exception? inner) : base(message, inner) { }
}
