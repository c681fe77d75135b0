namespace RelGen;

/// <summary>
/// How <see cref="RelGenDatabase.RunInTransactionAsync(Func{CancellationToken, Task}, RetryPolicy?, CancellationToken)"/> retries:
/// at most <see cref="MaxAttempts"/> runs, waiting between them an exponentially growing, randomised delay (full jitter, so
/// transactions that collided do not collide again in step) between zero and <see cref="BaseDelay"/> × 2^(attempt − 1),
/// capped at <see cref="MaxDelay"/>.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Five attempts, 10 ms doubling up to 1 s.</summary>
    public static RetryPolicy Default { get; } = new();

    /// <summary>One attempt: a transient failure is thrown, not retried.</summary>
    public static RetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>The most times the work runs, the first included; at least 1.</summary>
    public int MaxAttempts
    {
        get => _maxAttempts;
        init => _maxAttempts = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxAttempts), value, "At least one attempt.");
    }

    private readonly int _maxAttempts = 5;

    /// <summary>The ceiling of the first wait; it doubles with each attempt.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1.</summary>
    internal TimeSpan DelayAfter(int attempt)
    {
        var ceiling = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        ceiling = Math.Min(ceiling, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
