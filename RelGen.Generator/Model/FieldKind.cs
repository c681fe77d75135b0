namespace RelGen.Generator.Model;

/// <summary>The CLR shape of a mapped column: decides the SQL type, the reader call and the lookup field type.</summary>
internal enum FieldKind
{
    Boolean,
    Int16,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,
    String,
    DateOnly,
    TimeOnly,
    DateTime,
    DateTimeOffset,
    Guid,
    Bytes,
    Enum,
    /// <summary><see cref="System.TimeSpan"/> as <c>interval</c>.</summary>
    Interval,
    /// <summary><c>JsonDocument</c> or <c>JsonElement</c> as <c>jsonb</c>, read and written by Npgsql.</summary>
    Json,
    /// <summary>A type of the application as <c>jsonb</c>, serialised with System.Text.Json source-generated metadata (<c>[Json]</c>).</summary>
    JsonObject,
    /// <summary>A one-dimensional array of a mapped scalar type (<c>int[]</c>, <c>string[]</c>) as a PostgreSQL array.</summary>
    Array,
}
