namespace RelGen.Testing;

/// <summary>When PgBouncer hands a client's server connection back to the pool (<c>pool_mode</c>).</summary>
public enum PgBouncerPoolMode
{
    /// <summary>When the client disconnects: a server connection per client connection.</summary>
    Session,

    /// <summary>When each transaction ends: the mode that multiplexes many clients onto few server connections, and the one tests of pooler compatibility need.</summary>
    Transaction,

    /// <summary>After each statement; multi-statement transactions are refused.</summary>
    Statement,
}
