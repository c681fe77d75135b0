namespace RelGen.Generator.Model;

/// <summary>
/// One model's file as the emitter needs it: the model, and what the graph says about each of its relations. It holds nothing
/// of other models, so an edit to one model re-emits only its own file.
/// </summary>
/// <param name="Model">The model.</param>
/// <param name="RelationIsValid">Per relation: its target is a valid model, here or in a referenced assembly.</param>
/// <param name="ReverseMembers">Per relation: the target gets its reverse manager and lookup (a target in this compilation whose reverse names do not clash).</param>
internal sealed record ModelEmitSpec(ModelSpec Model, EquatableArray<bool> RelationIsValid, EquatableArray<bool> ReverseMembers);
