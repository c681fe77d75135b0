using System.Collections.Concurrent;
using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;

namespace RelGen.Testing;

/// <summary>
/// Removes containers this code started for a process that has died without cleaning up (a test host
/// killed with SIGKILL runs no exit hook, and the Ryuk reaper is often disabled or unavailable). The
/// container counterpart of <see cref="StaleClusterSweeper"/>.
/// </summary>
internal static class StaleContainerSweeper
{
    static readonly ConcurrentDictionary<Uri, bool> Swept = new();

    /// <summary>Sweeps <paramref name="engine"/> once per process.</summary>
    public static async Task SweepOnceAsync(IDockerEndpointAuthenticationConfiguration engine, CancellationToken cancellationToken)
    {
        if (Swept.TryAdd(engine.Endpoint, true))
            await SweepAsync(engine, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes (with their anonymous volumes) the labelled containers whose owner has gone; returns their ids.</summary>
    public static async Task<IReadOnlyList<string>> SweepAsync(IDockerEndpointAuthenticationConfiguration engine, CancellationToken cancellationToken)
    {
        using var client = DockerEngine.CreateClient(engine);
        var labelled = await client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [ContainerOwner.Label] = true } },
            },
            cancellationToken).ConfigureAwait(false);

        var removed = new List<string>();
        foreach (var container in labelled)
        {
            if (container.Labels is null || !container.Labels.TryGetValue(ContainerOwner.Label, out string? owner) || !ContainerOwner.IsGone(owner))
                continue;
            try
            {
                await client.Containers.RemoveContainerAsync(
                    container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken).ConfigureAwait(false);
                removed.Add(container.ID);
            }
            catch (DockerContainerNotFoundException)
            {
                // Another process swept it at the same moment.
            }
        }
        return removed;
    }
}
