namespace RelGen;

/// <summary>Marks the primary key property when it is not the <c>int</c>/<c>long</c> property named <c>Id</c>.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class PrimaryKeyAttribute : Attribute
{
}
