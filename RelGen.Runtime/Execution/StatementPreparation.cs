namespace RelGen;

/// <summary>
/// Whether RelGen prepares its statements on the server (<see cref="RelGenDatabase.StatementPreparation"/>). Prepared
/// statements live in a server session, so a pooler that hands one client's statements to other sessions (PgBouncer in
/// transaction or statement mode before 1.21, Npgsql's multiplexing) needs them off.
/// </summary>
public enum StatementPreparation
{
    /// <summary>
    /// Prepared, unless the first connection shows a pooler in between: Npgsql multiplexing is on, or the backend process id
    /// the connection was given is not the server's <c>pg_backend_pid()</c> (PgBouncer answers the start-up itself).
    /// </summary>
    Auto = 0,

    /// <summary>Always prepared: planning is paid once per connection and statement.</summary>
    Prepared = 1,

    /// <summary>Never prepared (every statement is parsed and planned each time): for poolers.</summary>
    Unprepared = 2,
}
