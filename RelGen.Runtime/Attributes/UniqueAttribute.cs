namespace RelGen;

/// <summary>
/// A <c>UNIQUE</c> constraint on the property's column (Django's <c>unique=True</c>), named <c>{table}_{column}_key</c>.
/// On a <c>[ForeignKey]</c> property it applies to the key column. For a constraint over several columns use
/// <c>[Index(..., Unique = true)]</c> on the model.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class UniqueAttribute : Attribute
{
}
