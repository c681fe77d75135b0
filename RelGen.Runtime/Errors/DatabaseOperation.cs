namespace RelGen;

/// <summary>What RelGen was doing when the database failed: the <see cref="DatabaseException.Operation"/> of an error.</summary>
public enum DatabaseOperation
{
    /// <summary>A query set's read: a list, <c>GetAsync</c>, a count, an existence check, a stream, an aggregate.</summary>
    Query = 0,

    /// <summary>A relation loaded on first read, a prefetch, or a refresh.</summary>
    Load = 1,

    /// <summary><c>SaveAsync</c> of one object (insert or update).</summary>
    Save = 2,

    /// <summary><c>BulkCreateAsync</c>.</summary>
    BulkCreate = 3,

    /// <summary>A set-based update, or a reverse manager's write (<c>AddAsync</c>, <c>RemoveAsync</c>, <c>ClearAsync</c>, <c>SetAsync</c>).</summary>
    Update = 4,

    /// <summary><c>DeleteAsync</c> of an object or of a query set, with its cascade.</summary>
    Delete = 5,

    /// <summary>Raw SQL run through the database handle.</summary>
    Sql = 6,

    /// <summary><c>CreateTablesAsync</c> or <c>DropTablesAsync</c>.</summary>
    Schema = 7,

    /// <summary>Beginning a transaction or a savepoint, or rolling one back.</summary>
    Transaction = 8,

    /// <summary>Committing a transaction (or releasing a savepoint).</summary>
    Commit = 9,
}
