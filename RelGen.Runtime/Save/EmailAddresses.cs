namespace RelGen.Save;

/// <summary>
/// <c>[EmailAddress]</c> as DataAnnotations' <c>EmailAddressAttribute</c> checks it: exactly one <c>@</c>, neither first nor
/// last, no line break. The empty string passes, as null does there: a NOT NULL column that defaults to <c>""</c> holds
/// "no address" (use a nullable property, or <c>[MinLength(1)]</c> in your own validation, to require one).
/// </summary>
internal static class EmailAddresses
{
    public const string Problem = "the value is not an e-mail address: [EmailAddress] wants exactly one '@', neither first nor last, and no line break.";

    public static bool IsValid(string value)
    {
        if (value.Length == 0)
            return true;
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            return false;
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at != value.Length - 1 && at == value.LastIndexOf('@');
    }
}
