namespace RelGen.Metadata;

/// <summary>A relation seen from its source model, whatever its target: what loops over a model's own relations call.</summary>
internal interface IRelationFrom<TSource> where TSource : class
{
    /// <inheritdoc cref="RelationDescriptor{TSource, TTarget}.PrepareSave"/>
    void PrepareSave(TSource source);
}
