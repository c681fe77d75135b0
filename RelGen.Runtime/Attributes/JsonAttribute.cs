namespace RelGen;

/// <summary>
/// Stores a property of an application type (a class, record, interface or array) as <c>jsonb</c>, serialised with the
/// System.Text.Json source-generated metadata of <see cref="Context"/>: <c>[Json(typeof(AppJson))] public Address Home { get; set; }</c>
/// with <c>[JsonSerializable(typeof(Address))] partial class AppJson : JsonSerializerContext</c>. No reflection-based serialisation.
/// <c>JsonDocument</c> and <c>JsonElement</c> properties are <c>jsonb</c> without it.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class JsonAttribute(Type context) : Attribute
{
    /// <summary>The <c>JsonSerializerContext</c> holding the property type's metadata.</summary>
    public Type Context { get; } = context;
}
