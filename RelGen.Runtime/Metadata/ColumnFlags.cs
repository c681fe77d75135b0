namespace RelGen.Metadata;

/// <summary>What a generated column descriptor says about its column beyond its name and type.</summary>
[Flags]
internal enum ColumnFlags
{
    /// <summary>A NOT NULL column.</summary>
    None = 0,
    /// <summary>A NULL-able column.</summary>
    Nullable = 1,
    /// <summary>The primary key.</summary>
    Key = 2,
    /// <summary>The database assigns the value (identity).</summary>
    Identity = 4,
    /// <summary>A <c>[ConcurrencyCheck]</c> version: every UPDATE matches it and sets the next value.</summary>
    Version = 8,
    /// <summary><c>[EmailAddress]</c>: saving checks the value looks like an e-mail address, as DataAnnotations does.</summary>
    EmailAddress = 16,
}
