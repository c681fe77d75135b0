namespace RelGen;

/// <summary>
/// What reading a forward relation that was not loaded does (after Django 6.1's fetch modes).
/// Set it for a database (<see cref="RelGenDatabase.FetchMode"/>) or a query (<c>WithFetchMode</c>).
/// </summary>
public enum FetchMode
{
    /// <summary>Load the one related object with one query, then cache it (Django's default).</summary>
    One,

    /// <summary>
    /// Load the relation for every object of the same result in one query the first time any of them
    /// reads it, so a loop over a list costs two queries instead of N+1.
    /// </summary>
    Peers,

    /// <summary>Throw <see cref="RelationNotLoadedException"/> instead of querying: every load must be planned with <c>SelectRelated</c>.</summary>
    Raise,
}
