using DotNet.Testcontainers.Configurations;

namespace RelGen.Testing;

/// <summary>
/// How <see cref="EphemeralPostgres.StartAsync(EphemeralPostgresOptions, CancellationToken)"/> gets its
/// server. A property left unset falls back to its environment variable, then to a default, so CI can
/// steer a test run without code changes.
/// </summary>
public sealed class EphemeralPostgresOptions
{
    /// <summary>The container mode's image when neither <see cref="ContainerImage"/> nor <c>RELGEN_TEST_IMAGE</c> names one: the official image.</summary>
    public const string DefaultContainerImage = "postgres:17";

    /// <summary>
    /// Folders where packages install the server binaries, one version per folder; <c>*</c>
    /// stands for the version and the highest one wins.
    /// </summary>
    internal static readonly IReadOnlyList<string> DefaultInstallPatterns =
    [
        "/usr/lib/postgresql/*/bin",            // Debian, Ubuntu (postgresql-NN packages)
        "/usr/pgsql-*/bin",                     // RHEL, Fedora (PGDG packages)
        "/opt/homebrew/opt/postgresql@*/bin",   // Homebrew on Apple silicon (keg-only, not on PATH)
        "/usr/local/opt/postgresql@*/bin",      // Homebrew on Intel
    ];

    internal static EphemeralPostgresOptions Default { get; } = new();

    /// <summary>Where the server comes from; <see cref="EphemeralPostgresMode.Auto"/> (the default) reads <c>RELGEN_TEST_MODE</c>, then decides from what the machine has.</summary>
    public EphemeralPostgresMode Mode { get; init; } = EphemeralPostgresMode.Auto;

    /// <summary>The container mode's image, e.g. <c>postgres:16-alpine</c>; unset: <c>RELGEN_TEST_IMAGE</c>, else <see cref="DefaultContainerImage"/>.</summary>
    public string? ContainerImage { get; init; }

    /// <summary>When the container mode pulls its image; unset: <c>RELGEN_TEST_PULL</c> (<c>missing</c>, <c>always</c>, <c>never</c>), else <see cref="ContainerImagePullPolicy.Missing"/>.</summary>
    public ContainerImagePullPolicy? ContainerPullPolicy { get; init; }

    // Seams for tests, so they can stage a machine without PostgreSQL or Docker (or with a fake one)
    // instead of changing the real environment.

    internal Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    internal IReadOnlyList<string> InstallPatterns { get; init; } = DefaultInstallPatterns;

    /// <summary>The folder that holds the local servers' <c>relgen-pg-*</c> folders.</summary>
    internal string TempRoot { get; init; } = Path.GetTempPath();

    /// <summary>The Docker engine to use, or null when none answers (Testcontainers' own discovery by default).</summary>
    internal Func<IDockerEndpointAuthenticationConfiguration?> FindDockerEngine { get; init; } = DockerEngine.Find;
}
