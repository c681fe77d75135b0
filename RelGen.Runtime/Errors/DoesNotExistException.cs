namespace RelGen;

/// <summary>A <c>GetAsync</c> matched no object (Django's <c>Model.DoesNotExist</c>).</summary>
public sealed class DoesNotExistException : RelGenException
{
    public DoesNotExistException(string model)
        : base($"{model} matching query does not exist.") => Model = model;

    /// <summary>The model's class name.</summary>
    public string Model { get; }
}
