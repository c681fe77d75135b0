using Docker.DotNet;
using DotNet.Testcontainers.Configurations;

namespace RelGen.Testing;

/// <summary>
/// Finding the Docker engine the container mode runs on. Testcontainers does the finding (DOCKER_HOST,
/// Docker contexts, <c>~/.testcontainers.properties</c>, the default socket) and keeps only an engine that
/// answers; its settings come from the same environment variables as every Testcontainers user's.
/// </summary>
internal static class DockerEngine
{
    /// <summary>The engine that answered Testcontainers' discovery, or null.</summary>
    public static IDockerEndpointAuthenticationConfiguration? Find()
    {
        try
        {
            return TestcontainersSettings.OS.DockerEndpointAuthConfig;
        }
        catch (Exception e) when (e is TypeInitializationException or InvalidOperationException or IOException)
        {
            return null;   // A broken configuration file or context is the same as no engine here; the message says what to check.
        }
    }

    public static DockerClient CreateClient(IDockerEndpointAuthenticationConfiguration engine) =>
        engine.GetDockerClientBuilder(Guid.Empty).Build();

    /// <summary>What to do when no engine answered, naming the settings a machine like CI's needs.</summary>
    public static string Remedies(Func<string, string?> environment)
    {
        string? host = environment("DOCKER_HOST");
        return string.Join(
            Environment.NewLine,
            "To run PostgreSQL in a container instead: start a Docker engine (Docker Desktop, or `sudo apt-get install docker.io` and `sudo dockerd`) "
                + "and set, where they apply:",
            "  - DOCKER_HOST, when the engine does not listen on the default socket, e.g. DOCKER_HOST=unix:///run/user/1000/docker.sock;",
            "  - DOCKER_API_VERSION, when the engine is older than this client (Debian 12's docker.io answers 1.41): DOCKER_API_VERSION=1.41;",
            "  - TESTCONTAINERS_RYUK_DISABLED=true, when the reaper image cannot be pulled (RelGen.Testing removes its containers itself);",
            "  - TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1, when the mapped ports answer on loopback only (dockerd --ip=127.0.0.1);",
            $"  - {EphemeralPostgres.ImageEnvironmentVariable} (default {EphemeralPostgresOptions.DefaultContainerImage}) and "
                + $"{EphemeralPostgres.PullPolicyEnvironmentVariable}=never, when no registry is reachable and the image was built or loaded locally.",
            host is { Length: > 0 } ? $"DOCKER_HOST is set to '{host}', but no engine answered there with an API version this client accepts." : "");
    }
}
