namespace RelGen;

/// <summary>
/// A value was refused before anything was sent, naming the model and member: a saved value breaks <c>[MaxLength]</c> or a
/// NOT NULL column, or a saved or lookup value is one PostgreSQL cannot take (text with a NUL character or a lone surrogate,
/// a <see cref="System.DateTime"/> of Kind <c>Unspecified</c> for a <c>timestamptz</c> column).
/// </summary>
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
