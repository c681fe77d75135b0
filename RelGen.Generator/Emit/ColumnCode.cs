using RelGen.Generator.Model;

namespace RelGen.Generator.Emit;

/// <summary>The code fragments one column needs: read, bind, check, and its lookup field type.</summary>
internal static class ColumnCode
{
    /// <summary>The member holding the column's value on <paramref name="entity"/> (a relation key reads its backing field).</summary>
    public static string Access(ModelSpec model, ColumnSpec column, string entity)
        => entity + "." + (column.RelationIndex >= 0 ? model.Relations[column.RelationIndex].KeyField : column.Property);

    /// <summary>An expression reading the column at <paramref name="ordinal"/> with a typed getter.</summary>
    public static string Read(ColumnSpec column, string ordinal)
    {
        var read = column.Kind switch
        {
            FieldKind.Boolean => $"reader.GetBoolean({ordinal})",
            FieldKind.Int16 => $"reader.GetInt16({ordinal})",
            FieldKind.Int32 => $"reader.GetInt32({ordinal})",
            FieldKind.Int64 => $"reader.GetInt64({ordinal})",
            FieldKind.Single => $"reader.GetFloat({ordinal})",
            FieldKind.Double => $"reader.GetDouble({ordinal})",
            FieldKind.Decimal => $"reader.GetDecimal({ordinal})",
            FieldKind.String => $"reader.GetString({ordinal})",
            FieldKind.DateTime => $"reader.GetDateTime({ordinal})",
            FieldKind.Guid => $"reader.GetGuid({ordinal})",
            FieldKind.Enum => $"({column.Type}){UnderlyingRead(column.EnumUnderlying, ordinal)}",
            _ => $"reader.GetFieldValue<{column.Type}>({ordinal})",
        };
        return column.IsNullable ? $"reader.IsDBNull({ordinal}) ? null : {read}" : read;
    }

    private static string UnderlyingRead(string? underlying, string ordinal) => underlying switch
    {
        "byte" or "sbyte" or "short" => $"({underlying})reader.GetInt16({ordinal})",
        "long" or "ulong" or "uint" => $"({underlying})reader.GetInt64({ordinal})",
        _ => $"({underlying})reader.GetInt32({ordinal})",
    };

    /// <summary>A statement adding the column's value as a typed parameter.</summary>
    public static string Bind(string value, ColumnSpec column)
    {
        if (column.Kind == FieldKind.Enum)
        {
            var sqlType = SqlClr(column.EnumUnderlying);
            return column.IsNullable
                ? $"{Names.Param}.AddNullable(parameters, ({sqlType}?){value});"
                : $"{Names.Param}.Add(parameters, ({sqlType}){value});";
        }
        if (!column.IsValueType)
            return $"{Names.Param}.AddReference(parameters, {value});";
        return column.IsNullable
            ? $"{Names.Param}.AddNullable(parameters, {value});"
            : $"{Names.Param}.Add(parameters, {value});";
    }

    /// <summary>A statement writing the column's value into a binary COPY row.</summary>
    public static string Copy(string value, ColumnSpec column)
    {
        if (column.Kind == FieldKind.Enum)
        {
            var sqlType = SqlClr(column.EnumUnderlying);
            return column.IsNullable
                ? $"{Names.Param}.CopyNullable(importer, ({sqlType}?){value});"
                : $"{Names.Param}.Copy(importer, ({sqlType}){value});";
        }
        if (!column.IsValueType)
            return $"{Names.Param}.CopyReference(importer, {value});";
        return column.IsNullable
            ? $"{Names.Param}.CopyNullable(importer, {value});"
            : $"{Names.Param}.Copy(importer, {value});";
    }

    /// <summary>The CLR type an enum is sent as: the type matching its column (smallint, integer, bigint).</summary>
    private static string SqlClr(string? underlying) => underlying switch
    {
        "byte" or "sbyte" or "short" => "short",
        "long" or "ulong" or "uint" => "long",
        _ => "int",
    };

    /// <summary>The lookup field type of the column.</summary>
    public static string FieldType(ColumnSpec column) => column.Kind switch
    {
        FieldKind.String => "global::RelGen.Query.StringField",
        FieldKind.Boolean => "global::RelGen.Query.BoolField",
        FieldKind.DateOnly or FieldKind.DateTime or FieldKind.DateTimeOffset => $"global::RelGen.Query.DateField<{column.Type}>",
        FieldKind.TimeOnly => "global::RelGen.Query.TimeField",
        FieldKind.Guid => "global::RelGen.Query.GuidField",
        FieldKind.Bytes => "global::RelGen.Query.BytesField",
        FieldKind.Enum => $"global::RelGen.Query.EnumField<{column.Type}>",
        _ => $"global::RelGen.Query.NumberField<{column.Type}>",
    };
}
