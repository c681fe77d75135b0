namespace Newsroom;

/// <summary>A step of the walkthrough gave something other than the documented result.</summary>
public sealed class WalkthroughException(string step, string expected, string actual)
    : Exception($"`{step}` gave {actual}, but the documentation says {expected}.");
