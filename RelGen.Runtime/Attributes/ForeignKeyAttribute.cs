namespace RelGen;

/// <summary>
/// Marks a <c>partial</c> property whose type is another model as a many-to-one relation.
/// The generator implements the property and adds a <c>{Property}Id</c> key property.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ForeignKeyAttribute : Attribute
{
    /// <summary>What happens to this object when the object it points at is deleted.</summary>
    public OnDelete OnDelete { get; set; } = OnDelete.Cascade;

    /// <summary>The name of the reverse manager on the target model; by default <c>{Model}Set</c>.</summary>
    public string? RelatedName { get; set; }

    /// <summary>The name of the reverse lookup on the target model; by default <c>{Model}</c>.</summary>
    public string? RelatedQueryName { get; set; }
}
