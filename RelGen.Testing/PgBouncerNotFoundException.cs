namespace RelGen.Testing;

/// <summary>
/// Thrown by <see cref="EphemeralPgBouncer.StartAsync(string, EphemeralPgBouncerOptions?, CancellationToken)"/>
/// when no <c>pgbouncer</c> program was found. The message says how to install it.
/// </summary>
public sealed class PgBouncerNotFoundException : InvalidOperationException
{
    public PgBouncerNotFoundException()
        : this("PgBouncer (the pgbouncer program) was not found.")
    {
    }

    public PgBouncerNotFoundException(string message)
        : base(message)
    {
    }

    public PgBouncerNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
