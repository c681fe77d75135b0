using RelGen.Generator.Model;

namespace RelGen.Generator.Emit;

/// <summary>The code fragments one column needs: its typed read, its lookup field type, its original-value field.</summary>
internal static class ColumnCode
{
    /// <summary>The member holding the column's value (a relation key lives in its backing field).</summary>
    public static string Member(ModelSpec model, ColumnSpec column)
        => column.RelationIndex >= 0 ? model.Relations[column.RelationIndex].KeyField : Names.Id(column.Property);

    /// <summary>The descriptor's value type: the stored type (an enum's integer), a relation key's own type.</summary>
    public static string ValueType(ColumnSpec column) => column.RelationIndex >= 0 ? column.DeclaredType : column.DeclaredStoreType;

    /// <summary>The field remembering the value the object was loaded or last saved with.</summary>
    public static string Original(ColumnSpec column) => "__rgo" + column.Property;

    /// <summary>An expression reading the column at <paramref name="ordinal"/> of reader <c>r</c> with a typed getter.</summary>
    public static string Read(ColumnSpec column, string ordinal)
    {
        var read = column.Kind switch
        {
            FieldKind.Boolean => $"r.GetBoolean({ordinal})",
            FieldKind.Int16 => $"r.GetInt16({ordinal})",
            FieldKind.Int32 => $"r.GetInt32({ordinal})",
            FieldKind.Int64 => $"r.GetInt64({ordinal})",
            FieldKind.Single => $"r.GetFloat({ordinal})",
            FieldKind.Double => $"r.GetDouble({ordinal})",
            FieldKind.Decimal => $"r.GetDecimal({ordinal})",
            FieldKind.String => $"r.GetString({ordinal})",
            FieldKind.DateTime => $"r.GetDateTime({ordinal})",
            FieldKind.Guid => $"r.GetGuid({ordinal})",
            FieldKind.Enum => $"({column.Type})({column.EnumUnderlying})r.{Getter(column.StoreType)}({ordinal})",
            FieldKind.JsonObject => $"__RG.JsonColumn.Read(r.GetString({ordinal}), {JsonInfo(column)})" + (column.IsNullable ? "" : "!"),
            _ => $"r.GetFieldValue<{column.Type}>({ordinal})",
        };
        return column.IsNullable ? $"r.IsDBNull({ordinal}) ? null : {read}" : read;
    }

    /// <summary>The descriptor holder's static field holding a <c>[Json]</c> column's System.Text.Json metadata.</summary>
    public static string JsonInfo(ColumnSpec column) => "__json" + column.Property;

    private static string Getter(string storeType) => storeType switch
    {
        "short" => "GetInt16",
        "long" => "GetInt64",
        _ => "GetInt32",
    };

    /// <summary>
    /// The lookup field type of the column. A NULL-able column's field names its property type too (<c>NumberField&lt;int, int?&gt;</c>),
    /// so <c>Select</c> reads it as the property reads.
    /// </summary>
    public static string FieldType(ColumnSpec column)
    {
        switch (column.Kind)
        {
            case FieldKind.Json or FieldKind.JsonObject:
                return $"__RQ.JsonField<{column.DeclaredType}>";
            case FieldKind.Array:
                return $"__RQ.ArrayField<{column.ElementType}, {column.DeclaredType}>";
        }
        var (name, valueArgument) = column.Kind switch
        {
            FieldKind.Interval => ("__RQ.IntervalField", ""),
            FieldKind.String => ("__RQ.StringField", ""),
            FieldKind.Boolean => ("__RQ.BoolField", ""),
            FieldKind.DateOnly => ("__RQ.DateField", column.Type),
            FieldKind.DateTime or FieldKind.DateTimeOffset => ("__RQ.DateTimeField", column.Type),
            FieldKind.TimeOnly => ("__RQ.TimeField", ""),
            FieldKind.Guid => ("__RQ.GuidField", ""),
            FieldKind.Bytes => ("__RQ.BytesField", ""),
            FieldKind.Enum => ("__RQ.EnumField", column.Type),
            _ => ("__RQ.NumberField", column.Type),
        };
        if (!column.IsNullable)
            return valueArgument.Length == 0 ? name : $"{name}<{valueArgument}>";
        var declared = column.DeclaredType;
        return valueArgument.Length == 0 ? $"{name}<{declared}>" : $"{name}<{valueArgument}, {declared}>";
    }
}
