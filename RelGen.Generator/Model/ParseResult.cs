using RelGen.Generator.Diagnostics;

namespace RelGen.Generator.Model;

/// <summary>What parsing one <c>[Model]</c> class yields: the spec (null when the model has errors) and its diagnostics.</summary>
/// <param name="Model">The spec, or null.</param>
/// <param name="Stub">When the model has errors but is partial, what to emit so no follow-on errors appear.</param>
/// <param name="Diagnostics">The model's diagnostics.</param>
internal sealed record ParseResult(ModelSpec? Model, StubSpec? Stub, EquatableArray<DiagnosticInfo> Diagnostics);
