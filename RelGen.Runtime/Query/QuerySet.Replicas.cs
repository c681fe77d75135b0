namespace RelGen.Query;

public partial class QuerySet<T, TLookup>
{
    /// <summary>
    /// Reads from a replica (Django's <c>using("replica")</c>) on a database with read replicas, unless a transaction is active
    /// in this flow (then its connection, on the primary, reads) or the flow's own recent write may not be there yet
    /// (<see cref="RelGenDatabase.ReadYourWrites"/>). The objects remember it: their relations, managers and prefetches read from
    /// a replica too; saving them writes to the primary. On a database without replicas it changes nothing.
    /// </summary>
    public QuerySet<T, TLookup> UsingReplica()
    {
        Database.Replicas?.Use();
        return With(State.WithRoute(ReadFrom.Replica));
    }

    /// <summary>Reads from the primary, whatever <see cref="RelGenDatabase.ReadFrom"/> says; the objects remember it.</summary>
    public QuerySet<T, TLookup> UsingPrimary() => With(State.WithRoute(ReadFrom.Primary));

    /// <summary>
    /// Reads from a replica even right after this flow's own write (no read-your-writes): the answer may be missing what the
    /// flow just wrote. For reads that tolerate that and should not load the primary.
    /// </summary>
    public QuerySet<T, TLookup> AllowStale()
    {
        Database.Replicas?.Use();
        return With(State.WithRoute(ReadFrom.Replica, allowStale: true));
    }
}
