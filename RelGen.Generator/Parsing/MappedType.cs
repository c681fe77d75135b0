using RelGen.Generator.Model;

namespace RelGen.Generator.Parsing;

/// <summary>How a C# type maps to a column.</summary>
internal sealed record MappedType(FieldKind Kind, string Type, bool IsNullable, string? EnumUnderlying, string? ElementType = null, string? ElementSqlType = null);
