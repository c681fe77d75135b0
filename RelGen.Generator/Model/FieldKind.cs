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
}
