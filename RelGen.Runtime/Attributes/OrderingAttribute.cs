namespace RelGen;

/// <summary>The default order of every query of the model (Django's <c>Meta.ordering</c>); prefix a property name with <c>-</c> for descending.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OrderingAttribute : Attribute
{
    /// <summary>Orders by <paramref name="properties"/>, the first first, e.g. <c>[Ordering("-PubDate", "Headline")]</c>.</summary>
    public OrderingAttribute(params string[] properties) => Properties = properties;

    /// <summary>Property names, each optionally prefixed with <c>-</c>.</summary>
    public IReadOnlyList<string> Properties { get; }
}
