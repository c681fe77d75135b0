namespace RelGen.Metadata;

/// <summary>A relation seen from its source model, whatever its target: what loops over a model's own relations call.</summary>
internal interface IRelationFrom<TSource> where TSource : class
{
    /// <inheritdoc cref="RelationDescriptor{TSource, TTarget}.PrepareSave"/>
    void PrepareSave(TSource source);

    /// <summary>
    /// After a refresh of <paramref name="entity"/> from <paramref name="fresh"/> (its columns already copied): the related
    /// object the fresh copy loaded (select-related) replaces the cached one; otherwise a cached object its key no longer
    /// points at is dropped (Django's <c>refresh_from_db</c>).
    /// </summary>
    void Refreshed(TSource entity, TSource fresh);
}
