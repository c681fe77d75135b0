using Docker.DotNet;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Images;
using Microsoft.Extensions.Logging.Abstractions;
using Testcontainers.PostgreSql;

namespace RelGen.Testing;

/// <summary>
/// One throwaway PostgreSQL container, started through Testcontainers.PostgreSql: a published port on
/// the engine's host, the official image's POSTGRES_* settings and its readiness check (pg_isready).
/// Labelled with its owner so a later start can remove it if this process dies without disposing it.
/// </summary>
internal sealed class PostgresContainer : IThrowawayServer
{
    // As for the local servers: test fixtures run in parallel, each with its own pool.
    const int MaxConnections = 200;

    readonly PostgreSqlContainer container;
    int removed;

    PostgresContainer(PostgreSqlContainer container, string image)
    {
        this.container = container;
        Image = image;
    }

    public string Image { get; }

    public string Id => container.Id;

    public string ConnectionString => container.GetConnectionString();

    public static async Task<PostgresContainer> StartAsync(
        IDockerEndpointAuthenticationConfiguration engine, string image, ContainerImagePullPolicy pullPolicy, CancellationToken cancellationToken)
    {
        if (pullPolicy == ContainerImagePullPolicy.Never)
            await RequireLocalImageAsync(engine, image, cancellationToken).ConfigureAwait(false);

        var built = new PostgreSqlBuilder(image)
            .WithDockerEndpoint(engine)
            .WithImagePullPolicy(pullPolicy switch
            {
                ContainerImagePullPolicy.Always => PullPolicy.Always,
                ContainerImagePullPolicy.Never => PullPolicy.Never,
                _ => PullPolicy.Missing,
            })
            .WithLabel(ContainerOwner.Label, ContainerOwner.Current)
            .WithCommand("-c", $"max_connections={MaxConnections}")
            // Testcontainers logs every step to the console by default; a test run's output is not the place.
            .WithLogger(NullLogger.Instance)
            .Build();

        var server = new PostgresContainer(built, image);
        ServerRegistry.Add(server);   // From here on an exit hook can remove it.
        try
        {
            await built.StartAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch (Exception e)
        {
            await server.RemoveAsync(async: true).ConfigureAwait(false);
            ServerRegistry.Remove(server);
            // Testcontainers reports a cancelled readiness wait as a TimeoutException; the caller asked for a cancellation.
            if (e is not OperationCanceledException && cancellationToken.IsCancellationRequested)
                throw new OperationCanceledException("Starting the PostgreSQL container was cancelled.", e, cancellationToken);
            throw;
        }
    }

    /// <summary>Kills and deletes the container (with its anonymous volume); only the first call does anything.</summary>
    public async ValueTask RemoveAsync(bool async)
    {
        if (Interlocked.Exchange(ref removed, 1) != 0)
            return;
        // Testcontainers deletes forcibly: no shutdown to wait for, and the data is throwaway. There is no
        // synchronous Docker API, so the exit hooks' path blocks on it.
        if (async)
            await container.DisposeAsync().ConfigureAwait(false);
        else
            container.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    static async Task RequireLocalImageAsync(IDockerEndpointAuthenticationConfiguration engine, string image, CancellationToken cancellationToken)
    {
        using var client = DockerEngine.CreateClient(engine);
        try
        {
            await client.Images.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerImageNotFoundException)
        {
            throw new PostgresNotFoundException(
                $"The image '{image}' is not on the Docker engine at {engine.Endpoint}, and {EphemeralPostgres.PullPolicyEnvironmentVariable}=never "
                + $"(pull policy Never) forbids pulling it. Build or load it there (`docker pull {image}` where a registry is reachable, `docker load`, "
                + $"or `.ci/postgres-image {image}` in RelGen's repository), or name another image in {EphemeralPostgres.ImageEnvironmentVariable}.");
        }
    }
}
