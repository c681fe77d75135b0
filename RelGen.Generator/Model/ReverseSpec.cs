namespace RelGen.Generator.Model;

/// <summary>A relation seen from its target: the source model and which of its relations points here.</summary>
/// <param name="Source">The model declaring the relation.</param>
/// <param name="RelationIndex">Which of its relations.</param>
/// <param name="HasMembers">False when its reverse names clash: the target then gets no manager or lookup for it.</param>
internal sealed record ReverseSpec(ModelSpec Source, int RelationIndex, bool HasMembers)
{
    public RelationSpec Relation => Source.Relations[RelationIndex];
}
