using RelGen.Query;

namespace RelGen.Sql;

internal sealed partial class SqlCompiler
{
    /// <summary>
    /// The row lock of <c>SelectForUpdate</c>: <c>FOR UPDATE [OF t0, t1] [NOWAIT | SKIP LOCKED]</c>, or "" when the query
    /// has none. A table named in OF that no filter joined is joined here (a forward, non-nullable path: the row count is
    /// the same).
    /// </summary>
    private string WriteLock(QueryLevel level, bool distinct)
    {
        if (Peek.Op != ShapeOp.Lock)
            return "";
        var flags = (RowLockFlags)Take().Arg;
        // PostgreSQL refuses FOR UPDATE with DISTINCT: the rows it returns are not rows of a table.
        if (distinct)
            throw new InvalidOperationException($"SelectForUpdate cannot be combined with Distinct() on a {level.Model.Name} query: PostgreSQL locks table rows, and DISTINCT rows are not.");
        var text = new System.Text.StringBuilder((flags & RowLockFlags.NoKey) != 0 ? " FOR NO KEY UPDATE" : " FOR UPDATE");
        var of = 0;
        while (Peek.Op == ShapeOp.LockOf)
        {
            var path = (RelationPath?)Take().A;
            text.Append(of++ == 0 ? " OF " : ", ").Append(level.AliasFor(path).Alias);
        }
        if ((flags & RowLockFlags.NoWait) != 0)
            text.Append(" NOWAIT");
        else if ((flags & RowLockFlags.SkipLocked) != 0)
            text.Append(" SKIP LOCKED");
        return text.ToString();
    }
}
