using Microsoft.CodeAnalysis;
using RelGen.Generator.Model;

namespace RelGen.Generator.Parsing;

/// <summary>Maps C# property types to column kinds and PostgreSQL types.</summary>
internal static class TypeMapper
{
    public static MappedType? Map(ITypeSymbol type)
    {
        var nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            type = wrapper.TypeArguments[0];
            nullable = true;
        }
        else if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            nullable = true;
        }

        if (type is IArrayTypeSymbol { Rank: 1 } array && array.ElementType.SpecialType != SpecialType.System_Byte)
            return MapArray(array, nullable);
        var kind = KindOf(type);
        if (kind is null)
            return null;
        string? underlying = null;
        if (kind == FieldKind.Enum)
            underlying = ((INamedTypeSymbol)type).EnumUnderlyingType!.ToDisplayString();
        return new MappedType(kind.Value, type.FullyQualified(), nullable, underlying);
    }

    /// <summary>An array of a mapped scalar type, NOT NULL elements of a value type (<c>int[]</c>; <c>int?[]</c> is not mapped).</summary>
    private static MappedType? MapArray(IArrayTypeSymbol array, bool nullable)
    {
        var element = array.ElementType;
        if (element is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T })
            return null;
        var kind = KindOf(element);
        if (kind is null or FieldKind.Enum or FieldKind.Bytes or FieldKind.Json)
            return null;
        var elementType = element.FullyQualified();
        return new MappedType(FieldKind.Array, elementType + "[]", nullable, null, elementType, SqlType(kind.Value, 0, null));
    }

    private static FieldKind? KindOf(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean: return FieldKind.Boolean;
            case SpecialType.System_Int16: return FieldKind.Int16;
            case SpecialType.System_Int32: return FieldKind.Int32;
            case SpecialType.System_Int64: return FieldKind.Int64;
            case SpecialType.System_Single: return FieldKind.Single;
            case SpecialType.System_Double: return FieldKind.Double;
            case SpecialType.System_Decimal: return FieldKind.Decimal;
            case SpecialType.System_String: return FieldKind.String;
            case SpecialType.System_DateTime: return FieldKind.DateTime;
        }
        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
            return FieldKind.Bytes;
        if (type.TypeKind == TypeKind.Enum)
            return FieldKind.Enum;
        if (type.ContainingNamespace?.ToDisplayString() == "System.Text.Json" && type.MetadataName is "JsonDocument" or "JsonElement")
            return FieldKind.Json;
        if (type.ContainingNamespace?.ToDisplayString() != "System")
            return null;
        return type.MetadataName switch
        {
            "DateOnly" => FieldKind.DateOnly,
            "TimeOnly" => FieldKind.TimeOnly,
            "DateTimeOffset" => FieldKind.DateTimeOffset,
            "Guid" => FieldKind.Guid,
            "TimeSpan" => FieldKind.Interval,
            _ => null,
        };
    }

    public static string SqlType(FieldKind kind, int maxLength, string? enumUnderlying) => kind switch
    {
        FieldKind.Boolean => "boolean",
        FieldKind.Int16 => "smallint",
        FieldKind.Int32 => "integer",
        FieldKind.Int64 => "bigint",
        FieldKind.Single => "real",
        FieldKind.Double => "double precision",
        FieldKind.Decimal => "numeric",
        FieldKind.String => maxLength > 0 ? "varchar(" + maxLength + ")" : "text",
        FieldKind.DateOnly => "date",
        FieldKind.TimeOnly => "time",
        FieldKind.DateTime => "timestamp with time zone",
        FieldKind.DateTimeOffset => "timestamp with time zone",
        FieldKind.Guid => "uuid",
        FieldKind.Bytes => "bytea",
        FieldKind.Interval => "interval",
        FieldKind.Json or FieldKind.JsonObject => "jsonb",
        _ => enumUnderlying switch
        {
            "byte" or "sbyte" or "short" => "smallint",
            "long" or "ulong" or "uint" => "bigint",
            _ => "integer",
        },
    };

    /// <summary>A property marked <c>[Json]</c>: a class, record, interface or array the context has metadata for, stored as <c>jsonb</c>.</summary>
    public static MappedType? MapJson(ITypeSymbol type)
    {
        var nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
        return type.TypeKind is TypeKind.Class or TypeKind.Array or TypeKind.Interface && type.SpecialType != SpecialType.System_String
            ? new MappedType(FieldKind.JsonObject, type.FullyQualified(), nullable, null)
            : null;
    }

    /// <summary>The kinds a primary key may have.</summary>
    public static bool IsKeyKind(FieldKind kind) => kind is FieldKind.Int32 or FieldKind.Int64 or FieldKind.Guid or FieldKind.String;
}
