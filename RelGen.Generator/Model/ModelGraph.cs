namespace RelGen.Generator.Model;

/// <summary>Every model of the compilation, linked: what the emitters read.</summary>
internal sealed record ModelGraph(EquatableArray<ModelEmitSpec> Models, EquatableArray<StubSpec> Stubs, EquatableArray<ClashSpec> Clashes);
