using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace RelGen;

/// <summary>
/// An ASP.NET Core health check of a <see cref="RelGenDatabase"/>: healthy when the database answers a round trip.
/// Register it with <c>services.AddHealthChecks().AddCheck&lt;RelGenHealthCheck&gt;("database")</c>, or for a keyed
/// database with <c>.Add(new HealthCheckRegistration(name, sp =&gt; new RelGenHealthCheck(sp.GetRequiredKeyedService&lt;RelGenDatabase&gt;(key)), null, null))</c>.
/// </summary>
public sealed class RelGenHealthCheck : IHealthCheck
{
    private readonly RelGenDatabase _database;

    /// <summary>A check of <paramref name="database"/>.</summary>
    public RelGenHealthCheck(RelGenDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database did not answer.", e);
        }
    }
}
