namespace RelGen.Generator.Model;

/// <summary>
/// A model with errors still gets plain implementations of its partial relation properties, so that the
/// RG diagnostic is the only error the user sees.
/// </summary>
/// <param name="Namespace">The namespace.</param>
/// <param name="ClassName">The class name.</param>
/// <param name="Properties">Each partial property as "modifiers|type|name|getter|setter" (accessors as declared, empty when absent).</param>
internal sealed record StubSpec(string Namespace, string ClassName, EquatableArray<string> Properties);
