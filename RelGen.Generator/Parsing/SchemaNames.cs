using Microsoft.CodeAnalysis;

namespace RelGen.Generator.Parsing;

/// <summary>
/// Table and column names as declared: <c>[Model(Table = ...)]</c> or DataAnnotations' <c>[Table]</c>, <c>[Column]</c>, else
/// the snake_case of the name. The same rules name a model's own table and the table a relation points at (which may sit in
/// another file or assembly).
/// </summary>
internal static class SchemaNames
{
    /// <summary>The table of model <paramref name="type"/>.</summary>
    public static string Table(INamedTypeSymbol type)
        => ModelTable(type) ?? DataAnnotationsTable(type) ?? Naming.SnakeCase(type.Name);

    /// <summary><c>[Model(Table = "...")]</c>, or null when not given (an empty value means not given, as it always has).</summary>
    public static string? ModelTable(INamedTypeSymbol type)
        => type.Attribute(KnownNames.Model)?.Named("Table")?.Value as string is { Length: > 0 } table ? table : null;

    /// <summary>DataAnnotations' <c>[Table("...")]</c>, or null.</summary>
    public static string? DataAnnotationsTable(INamedTypeSymbol type)
        => type.Attribute(KnownNames.Table) is { ConstructorArguments.Length: 1 } attribute ? attribute.ConstructorArguments[0].Value as string ?? "" : null;

    /// <summary>The column of <paramref name="property"/>: <c>[Column("...")]</c>'s name, else <paramref name="conventional"/>.</summary>
    public static string Column(IPropertySymbol property, string conventional)
        => property.Attribute(KnownNames.Column) is { ConstructorArguments.Length: 1 } attribute && attribute.ConstructorArguments[0].Value is string name
            ? name
            : conventional;

    /// <summary>The key column of model <paramref name="type"/> as a relation to it sees it (<c>id</c> when the generator adds the key).</summary>
    public static string KeyColumn(INamedTypeSymbol type)
    {
        var key = KeyFinder.Find(type).Key;
        return key is null ? "id" : Column(key, Naming.SnakeCase(key.Name));
    }
}
