using Npgsql;

namespace RelGen.Execution;

/// <summary>A connection for one operation: the ambient transaction's, or a pooled one this lease returns on dispose.</summary>
internal readonly struct ConnectionLease
{
    public ConnectionLease(NpgsqlConnection connection, RelGenTransaction? ambient)
    {
        Connection = connection;
        Ambient = ambient;
    }

    public NpgsqlConnection Connection { get; }

    /// <summary>The ambient transaction this operation joined, or null when the connection is the lease's own.</summary>
    public RelGenTransaction? Ambient { get; }

    public NpgsqlTransaction? Transaction => Ambient?.Transaction;

    public ValueTask DisposeAsync()
    {
        if (Ambient is not null)
        {
            Ambient.Release();
            return default;
        }
        return Connection.DisposeAsync();
    }

    /// <summary>The synchronous form, for the one synchronous path: a relation loaded inside a property getter.</summary>
    public void Dispose()
    {
        if (Ambient is not null)
            Ambient.Release();
        else
            Connection.Dispose();
    }
}
