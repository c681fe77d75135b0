namespace RelGen;

/// <summary>A value was refused before anything was sent: it breaks <c>[MaxLength]</c>, a NOT NULL column, or holds a NUL character.</summary>
public sealed class ModelValidationException : RelGenException
{
    public ModelValidationException(string model, string property, string problem)
        : base($"{model}.{property}: {problem}")
    {
        Model = model;
        Property = property;
    }

    public string Model { get; }
    public string Property { get; }
}
