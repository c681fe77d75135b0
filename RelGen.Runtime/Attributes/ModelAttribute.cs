namespace RelGen;

/// <summary>Marks a <c>partial</c> class as a RelGen model: a table whose relations the generator implements.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ModelAttribute : Attribute
{
    /// <summary>The table name; by default the snake_case of the class name.</summary>
    public string? Table { get; set; }
}
