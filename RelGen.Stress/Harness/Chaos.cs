namespace RelGen.Stress.Harness;

/// <summary>
/// Faults paced by the writers' progress, so a seed gets its kills and restarts spread over its operations whatever the
/// machine's speed: a backend kill every <c>ops / (kills + 1)</c> completed operations, a restart (alternately fast and
/// immediate) every <c>ops / (restarts + 1)</c>.
/// </summary>
internal sealed class Chaos(StressServer server, string admin, int totalOperations, int kills, int restarts)
{
    private int _completed;

    public int Kills { get; private set; }

    public int Restarts { get; private set; }

    public void Completed() => Interlocked.Increment(ref _completed);

    public async Task RunAsync(CancellationToken stop)
    {
        var killEvery = totalOperations / (kills + 1);
        var restartEvery = totalOperations / (restarts + 1);
        var nextKill = killEvery;
        var nextRestart = restartEvery;
        while (!stop.IsCancellationRequested)
        {
            var completed = Volatile.Read(ref _completed);
            if (Restarts < restarts && completed >= nextRestart)
            {
                await server.RestartAsync(immediate: Restarts % 2 == 1).ConfigureAwait(false);
                Restarts++;
                nextRestart += restartEvery;
            }
            else if (Kills < kills && completed >= nextKill)
            {
                if (await server.KillRandomBackendAsync(admin).ConfigureAwait(false))
                {
                    Kills++;
                    nextKill += killEvery;
                }
            }
            try
            {
                await Task.Delay(2, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
