namespace RelGen.Testing;

/// <summary>
/// A server process this process started in a <c>relgen-pg-*</c> folder (a PostgreSQL cluster or a
/// PgBouncer), which <see cref="LocalClusterRegistry"/> stops and deletes if the process ends first.
/// </summary>
internal interface ITemporaryServer
{
    /// <summary>Stops the server and deletes its folder; only the first call does anything.</summary>
    ValueTask RemoveAsync(bool async);
}
