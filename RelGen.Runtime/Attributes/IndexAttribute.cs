namespace RelGen;

/// <summary>
/// An index over the named properties' columns, in order (Django's <c>Meta.indexes</c>, EF Core's <c>[Index]</c>):
/// <c>[Index(nameof(LastName), nameof(FirstName))]</c>. A <c>[ForeignKey]</c> property stands for its key column.
/// Repeat the attribute for more indexes. The name is <c>{table}_{columns}_idx</c> unless <see cref="Name"/> gives one.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class IndexAttribute : Attribute
{
    /// <summary>Indexes the columns of <paramref name="properties"/>, in that order.</summary>
    public IndexAttribute(params string[] properties) => Properties = properties;

    /// <summary>The property names, in index order.</summary>
    public IReadOnlyList<string> Properties { get; }

    /// <summary>A unique index: no two rows may hold the same values in these columns (NULLs excepted, as in PostgreSQL).</summary>
    public bool Unique { get; set; }

    /// <summary>The index name; by default <c>{table}_{columns}_idx</c>.</summary>
    public string? Name { get; set; }
}
