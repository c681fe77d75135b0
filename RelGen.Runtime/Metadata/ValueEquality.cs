namespace RelGen.Metadata;

/// <summary>
/// How change tracking compares a column's current value with the one loaded: by value, and a byte array by content
/// (an array mutated in place is its own original, so replace the array to change it).
/// </summary>
internal static class ValueEquality<T>
{
    public static bool Equals(T current, T original)
    {
        if (typeof(T) == typeof(byte[]))
        {
            var a = (byte[]?)(object?)current;
            var b = (byte[]?)(object?)original;
            return ReferenceEquals(a, b) || (a is not null && b is not null && a.AsSpan().SequenceEqual(b));
        }
        return EqualityComparer<T>.Default.Equals(current, original);
    }
}
