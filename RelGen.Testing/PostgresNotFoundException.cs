namespace RelGen.Testing;

/// <summary>
/// Thrown by <see cref="EphemeralPostgres.StartAsync(CancellationToken)"/> when there is neither a
/// PostgreSQL installation to start a server from nor a <c>RELGEN_TEST_CONNECTION</c> to use.
/// The message says how to fix it.
/// </summary>
public sealed class PostgresNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception with a message saying no PostgreSQL server binaries were found.</summary>
    public PostgresNotFoundException()
        : this("No PostgreSQL server binaries were found.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public PostgresNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public PostgresNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
