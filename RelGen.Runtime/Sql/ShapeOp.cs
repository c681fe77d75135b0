namespace RelGen.Sql;

/// <summary>
/// The instructions of a query's shape, in prefix order: a query's header, its filter clauses with their predicate trees,
/// its order, and the value placeholders. A shape never holds a value or an entity, only descriptors and paths, so it is the
/// key of the SQL cache and the input of <see cref="SqlCompiler"/>.
/// </summary>
internal enum ShapeOp : byte
{
    /// <summary>Starts a query. Arg: <see cref="QueryKind"/> and <see cref="QueryFlags"/>; A: the model. Ends with <see cref="End"/>.</summary>
    Query,
    /// <summary>A <c>Filter</c> (Arg 0) or <c>Exclude</c> (Arg 1) clause; a predicate follows.</summary>
    Filter,
    /// <summary>An explicit order term; Arg: <c>OrderTerm</c>'s flags (descending, NULLs first or last); an expression follows.</summary>
    Order,
    /// <summary>A select-related path; A: the <see cref="Query.RelationPath"/>.</summary>
    SelectRelated,
    /// <summary>The LIMIT value; a parameter follows.</summary>
    Limit,
    /// <summary>The OFFSET value; a parameter follows.</summary>
    Offset,
    /// <summary>Ends a query.</summary>
    End,

    /// <summary>Both predicates that follow.</summary>
    And,
    /// <summary>Either predicate that follows.</summary>
    Or,
    /// <summary>Django's negation of the predicate that follows; Arg 1 when it crosses a reverse relation.</summary>
    Not,
    /// <summary>Arg: <see cref="Query.LookupOperator"/>; two expressions follow.</summary>
    Compare,
    /// <summary>Arg 1 for IS NULL, 0 for IS NOT NULL; an expression follows.</summary>
    IsNull,
    /// <summary>An expression, then an array parameter: <c>= ANY($n)</c>; Arg 1: <c>= ANY(ARRAY(SELECT unnest($n)))</c> (many keys).</summary>
    In,
    /// <summary>An IN over no values: matches nothing. An expression follows (unwritten).</summary>
    InNothing,
    /// <summary>An expression, then a <see cref="QueryKind.Keys"/> query.</summary>
    InQuery,
    /// <summary>Three expressions: BETWEEN the last two.</summary>
    Range,

    /// <summary>A column. Arg: <see cref="Query.DateTransform"/>; A: the path (null: the query's model); B: the column.</summary>
    Column,
    /// <summary>A value, bound as the next parameter.</summary>
    Parameter,
    /// <summary>Arg: <c>ArithmeticOperator</c>; two expressions follow.</summary>
    Arithmetic,
    /// <summary>The NULL literal (an update setting a column to NULL).</summary>
    Null,

    /// <summary>
    /// A term of a projection's select list. Arg <c>ProjectFlags.Expression</c>: an expression follows; <c>ProjectFlags.Model</c>:
    /// every column of the model in B, reached through the path in A.
    /// </summary>
    Project,
    /// <summary>
    /// An aggregate (see <c>AggregateCall</c>). Arg: function, cast and flags; A: the path of what it aggregates (null: the
    /// query's own rows). Its argument expression and its filter predicate follow, when flagged.
    /// </summary>
    Aggregate,
    /// <summary><c>EXISTS</c> over a reverse relation. A: the path of the objects tested; a filter predicate follows when flagged.</summary>
    Exists,
    /// <summary>
    /// Starts an <c>UPDATE</c> of the model in A; Arg 1 when the statement also sets the version to the next value. Its
    /// <see cref="Assign"/> tokens follow, then the <see cref="QueryKind.Keys"/> query choosing the rows.
    /// </summary>
    Update,
    /// <summary>One <c>SET</c> of an update; B: the column; an expression follows.</summary>
    Assign,
    /// <summary>A row lock (<c>SelectForUpdate</c>) before <see cref="End"/>; Arg: <c>RowLock</c>'s flags; <see cref="LockOf"/> tokens follow.</summary>
    Lock,
    /// <summary>A table the lock is limited to (<c>FOR UPDATE OF</c>); A: the path, null for the query's own model.</summary>
    LockOf,
}
