namespace RelGen.Query;

/// <summary>
/// The row lock of a query (<c>SelectForUpdate</c>): its options, and the tables it is limited to (<c>OF</c>; a null path
/// is the query's own model; none means every table of the query, as PostgreSQL's plain <c>FOR UPDATE</c>).
/// </summary>
internal sealed record RowLock(RowLockFlags Flags, RelationPath?[] Of);

/// <summary>The options of a <see cref="RowLock"/>, the argument of its shape token.</summary>
[Flags]
internal enum RowLockFlags
{
    None = 0,
    /// <summary>Fail at once instead of waiting for a row another transaction locked.</summary>
    NoWait = 1,
    /// <summary>Leave out rows another transaction locked (a job queue's way to share work).</summary>
    SkipLocked = 2,
    /// <summary><c>FOR NO KEY UPDATE</c>: does not block inserts of rows pointing at the locked ones.</summary>
    NoKey = 4,
}
