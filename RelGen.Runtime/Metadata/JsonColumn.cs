using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RelGen.Metadata;

/// <summary>
/// Converts a <c>[Json]</c> column's value with its source-generated metadata (no reflection): the column holds the JSON
/// text, which is what change tracking compares and what is sent (as <c>jsonb</c>). Used by generated descriptors.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonColumn
{
    /// <summary>The metadata of <typeparamref name="T"/> in <paramref name="context"/>; a clear error when the context has none.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerContext context, string model, string property)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new InvalidOperationException(
                $"{model}.{property}: {context.GetType().Name} has no metadata for {typeof(T).Name}; add [JsonSerializable(typeof({typeof(T).Name}))] to it.");
    }

    /// <summary>The JSON text of <paramref name="value"/>; null for null.</summary>
    public static string? Write<T>(T? value, JsonTypeInfo<T> info) => value is null ? null : JsonSerializer.Serialize(value, info);

    /// <summary>The value of <paramref name="json"/>; the default for null.</summary>
    public static T? Read<T>(string? json, JsonTypeInfo<T> info) => json is null ? default : JsonSerializer.Deserialize(json, info);
}
