namespace RelGen.Testing;

/// <summary>
/// A database of an <see cref="EphemeralReplicaSet"/>, made on the primary and replicated to the
/// standby, with the three ways to reach it.
/// </summary>
/// <param name="Name">The database's name.</param>
/// <param name="PrimaryConnectionString">The database on the server started as the primary.</param>
/// <param name="StandbyConnectionString">The database on the server started as the standby (read-only until promoted).</param>
/// <param name="MultiHostConnectionString">
/// Both servers in one string (<c>Host=127.0.0.1:p1,127.0.0.1:p2</c>), primary first, for Npgsql's
/// multi-host data source (<c>new NpgsqlDataSourceBuilder(s).BuildMultiHost()</c>), which picks a
/// server by <c>TargetSessionAttributes</c>.
/// </param>
public sealed record ReplicaSetDatabase(
    string Name,
    string PrimaryConnectionString,
    string StandbyConnectionString,
    string MultiHostConnectionString);
