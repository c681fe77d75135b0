namespace RelGen.Generator.Model;

/// <summary>Every model of the compilation, linked: what the emitters read.</summary>
/// <param name="Models">One emit spec per model, ordered by full name.</param>
/// <param name="Stubs">Plain implementations for models with errors.</param>
/// <param name="Clashes">Cross-model name clashes, located later.</param>
/// <param name="Registered">The models the registration file registers, by full name.</param>
/// <param name="HasInvalidModels">True when a [Model] class has errors: the schema would be incomplete, so none is described.</param>
internal sealed record ModelGraph(EquatableArray<ModelEmitSpec> Models, EquatableArray<StubSpec> Stubs, EquatableArray<ClashSpec> Clashes, EquatableArray<string> Registered, bool HasInvalidModels);
