namespace RelGen.Query;

/// <summary>Shape equality of column references: same column, same transform, same path.</summary>
internal static class ColumnRefShape
{
    public static bool Equal(ColumnRef a, ColumnRef b)
        => ReferenceEquals(a, b)
           || (a.Column == b.Column && a.Transform == b.Transform
               && (a.Path is null ? b.Path is null : a.Path.Equals(b.Path)));

    public static void Add(ref HashCode hash, ColumnRef column)
    {
        hash.Add(column.Column);
        hash.Add(column.Transform);
        hash.Add(column.Path?.GetHashCode() ?? 0);
    }
}
