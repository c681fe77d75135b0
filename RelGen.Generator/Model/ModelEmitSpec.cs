namespace RelGen.Generator.Model;

/// <summary>A model with what other models say about it: the relations pointing at it, and which of its own relations have a valid target.</summary>
internal sealed record ModelEmitSpec(ModelSpec Model, EquatableArray<ReverseSpec> Reverse, EquatableArray<bool> RelationIsValid);
