namespace RelGen;

/// <summary>
/// The base of every error PostgreSQL or the connection to it caused. The subtype says what happened; an instance of this
/// class itself is an error of no other kind (a syntax error, a missing table, a value out of range), which retrying does
/// not cure. <see cref="Exception.InnerException"/> is the driver's exception (Npgsql's), when there is one.
/// </summary>
public class DatabaseException : RelGenException
{
    /// <summary>Creates the error; RelGen's own code builds these from the driver's exception.</summary>
    public DatabaseException(string message, string? sqlState, string? model, DatabaseOperation operation, Exception? inner)
        : base(message, inner)
    {
        _sqlState = sqlState;
        Model = model;
        Operation = operation;
    }

    private readonly string? _sqlState;

    /// <summary>The PostgreSQL SQLSTATE (e.g. <c>40001</c>), or null when the server reported none (a broken socket).</summary>
    public virtual string? SqlState => _sqlState;

    /// <summary>The class name of the model the operation worked on, or null when it concerns no single model.</summary>
    public string? Model { get; }

    /// <summary>What RelGen was doing.</summary>
    public DatabaseOperation Operation { get; }

    /// <summary>
    /// True when running the same work again, in a new transaction, can succeed: a serialization failure, a deadlock, a lock
    /// that was not available, a lost connection or a server that could not be reached (before any commit was sent).
    /// False for everything else, including a commit whose outcome is unknown. <c>RunInTransactionAsync</c> retries
    /// exactly these.
    /// </summary>
    public virtual bool IsTransient => false;

    /// <summary>"Save of Article", "Query of Reporter", "Commit": the start of the messages.</summary>
    internal static string Describe(DatabaseOperation operation, string? model)
        => model is null ? operation.ToString() : $"{operation} of {model}";
}
