namespace RelGen;

/// <summary>A <c>GetAsync</c> matched no object (Django's <c>Model.DoesNotExist</c>).</summary>
public sealed class DoesNotExistException : RelGenException
{
    /// <summary>Creates the error for a <c>GetAsync</c> on <paramref name="model"/> that matched no object.</summary>
    public DoesNotExistException(string model)
        : base($"{model} matching query does not exist.") => Model = model;

    /// <summary>An object of <paramref name="model"/> was expected and is not there, e.g. a manager's <c>RemoveAsync</c> of an object that is not related to its owner.</summary>
    public DoesNotExistException(string model, string message)
        : base(message) => Model = model;

    /// <summary>The model's class name.</summary>
    public string Model { get; }
}
