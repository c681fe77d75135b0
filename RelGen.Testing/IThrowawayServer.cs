namespace RelGen.Testing;

/// <summary>
/// A server this process started and must not outlive: a local cluster or a container. The exit hooks
/// of <see cref="ServerRegistry"/> remove it when the process ends without disposing it.
/// </summary>
internal interface IThrowawayServer
{
    /// <summary>Stops the server and deletes what it left (folder or container); only the first call does anything.</summary>
    /// <param name="async">False on the exit hooks' path, where the process is ending and blocking is right.</param>
    ValueTask RemoveAsync(bool async);
}
