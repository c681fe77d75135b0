namespace RelGen.Query;

/// <summary>The argument of a <see cref="Sql.ShapeOp.Project"/> token.</summary>
internal static class ProjectFlags
{
    /// <summary>An expression follows.</summary>
    public const int Expression = 0;

    /// <summary>Every column of the model in B, reached through the path in A.</summary>
    public const int Model = 1;
}
