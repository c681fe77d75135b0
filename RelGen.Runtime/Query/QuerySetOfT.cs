using System.ComponentModel;

namespace RelGen.Query;

/// <summary>A query set of <typeparamref name="T"/> whatever its lookup type; what <c>In(querySet)</c> accepts.</summary>
public abstract class QuerySet<T> where T : class, IModel<T>
{
    private protected QuerySet(RelGenDatabase database, QueryState state)
    {
        Database = database;
        State = state;
    }

    /// <summary>The database the query runs on.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public RelGenDatabase Database { get; }

    internal QueryState State { get; }
}
