namespace RelGen.Generator.Model;

/// <summary>
/// A mapped column. For a plain property <see cref="Type"/> is its C# type; for a relation's key
/// column it is the target key's type (nullable when the relation is).
/// </summary>
/// <param name="Property">The C# property name (<c>ReporterId</c> for a relation's key).</param>
/// <param name="Column">The snake_case column name.</param>
/// <param name="Type">The fully qualified C# type without nullability, e.g. <c>global::System.DateOnly</c>.</param>
/// <param name="Kind">The CLR shape.</param>
/// <param name="IsNullable">True for <c>int?</c> and <c>string?</c>: a NULL-able column.</param>
/// <param name="SqlType">The PostgreSQL type.</param>
/// <param name="MaxLength">The <c>[MaxLength]</c>, 0 when none.</param>
/// <param name="EnumUnderlying">For enums, the C# keyword of the underlying type.</param>
/// <param name="DefaultLiteral">A C# literal from <c>[DefaultValue]</c>, or null.</param>
/// <param name="DefaultSql">The same default as SQL, or null.</param>
/// <param name="RelationIndex">The relation this column is the key of, or -1.</param>
/// <param name="HasSetter">True when generated code may assign the property outside an object initializer (not init-only).</param>
/// <param name="HasInitializer">True when the declaration gives the property an initial value (<c>= "UTC"</c>).</param>
/// <param name="ElementType">For an array, the element's C# type (<c>int</c>, <c>string</c>).</param>
/// <param name="JsonContext">For a <c>[Json]</c> column, the fully qualified <c>JsonSerializerContext</c> holding its metadata.</param>
/// <param name="IsStruct">True when <see cref="Type"/> is a value type (for the kinds where the kind alone does not say).</param>
/// <param name="IsVersion">True for the <c>[ConcurrencyCheck]</c> version (an <c>int</c> or <c>long</c>).</param>
/// <param name="ValidatesEmail">True for <c>[EmailAddress]</c>: saving checks the value's shape as DataAnnotations does.</param>
/// <param name="IsAssignable">True when other classes of the assembly can set it in an object initializer (a public, internal or init setter); a reverse manager's typed <c>CreateAsync</c> leaves the others out.</param>
internal sealed record ColumnSpec(
    string Property,
    string Column,
    string Type,
    FieldKind Kind,
    bool IsNullable,
    string SqlType,
    int MaxLength,
    string? EnumUnderlying,
    string? DefaultLiteral,
    string? DefaultSql,
    int RelationIndex,
    bool HasSetter = true,
    bool HasInitializer = false,
    string? ElementType = null,
    string? JsonContext = null,
    bool IsStruct = true,
    bool IsVersion = false,
    bool ValidatesEmail = false,
    bool IsAssignable = true)
{
    /// <summary>True when the descriptor's value (<see cref="StoreType"/>) is a value type.</summary>
    public bool IsValueType => Kind is not (FieldKind.String or FieldKind.Bytes or FieldKind.Array or FieldKind.JsonObject) && (Kind != FieldKind.Json || IsStruct);

    /// <summary>The C# type as declared, with <c>?</c> when nullable.</summary>
    public string DeclaredType => IsNullable ? Type + "?" : Type;

    /// <summary>The C# type the column's value is stored as: an enum's integer type, else <see cref="Type"/>.</summary>
    public string StoreType => Kind switch
    {
        FieldKind.Enum => EnumUnderlying switch
        {
            "byte" or "sbyte" or "short" => "short",
            "long" or "ulong" or "uint" => "long",
            _ => "int",
        },
        // The JSON text, as serialised by the column's metadata: what change tracking compares and parameters send.
        FieldKind.JsonObject => "string",
        _ => Type,
    };

    /// <summary><see cref="StoreType"/> with <c>?</c> when nullable: the descriptor's value type.</summary>
    public string DeclaredStoreType => IsNullable ? StoreType + "?" : StoreType;
}
