namespace RelGen.Testing;

/// <summary>
/// Thrown by <see cref="EphemeralPgBouncer.StartAsync(string, EphemeralPgBouncerOptions?, CancellationToken)"/>
/// when no <c>pgbouncer</c> program was found. The message says how to install it.
/// </summary>
public sealed class PgBouncerNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception with a message saying no <c>pgbouncer</c> program was found.</summary>
    public PgBouncerNotFoundException()
        : this("PgBouncer (the pgbouncer program) was not found.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public PgBouncerNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public PgBouncerNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
