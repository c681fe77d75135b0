using Npgsql;
using RelGen.Schema;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// Turns the current row of a select query into an object: select-related objects attached, the known owner set,
/// peers joined. A struct, so the list and single-object reads carry it in their own (pooled) frames.
/// </summary>
internal readonly struct RowMaterializer<T> where T : class, IModel<T>
{
    private readonly RelGenDatabase _database;
    private readonly RelationPath[]? _selectRelated;
    private readonly KnownRelated? _known;
    private readonly int[] _relatedOffsets;
    private readonly Loading.PeerGroup? _peers;

    public RowMaterializer(RelGenDatabase database, QueryState state, CompiledQuery compiled)
    {
        _database = database;
        // Read once here, not per row.
        _selectRelated = state.SelectRelated.Length > 0 ? state.SelectRelated : null;
        _known = state.Known;
        _relatedOffsets = compiled.RelatedOffsets;
        // Peers need a shared group; an explicit mode must travel with each object. Otherwise nothing is allocated.
        var mode = state.FetchMode ?? database.FetchMode;
        _peers = state.FetchMode is not null || mode == FetchMode.Peers ? new Loading.PeerGroup(mode) : null;
    }

    public T Read(NpgsqlDataReader reader)
    {
        var meta = T.Meta;
        var entity = meta.Read(reader, 0);
        ((IModel)entity).RelGenDatabase = _database;
        if (_selectRelated is not null)
            AttachRelated(entity, reader, _selectRelated);
        // After select-related, so the manager's owner wins over a second copy of itself.
        if (_known is { } known && Equals(meta.GetRelationKey(entity, known.Relation.Index), known.OwnerKey))
            meta.SetRelated(entity, known.Relation.Index, known.Owner);
        if (_peers is not null)
        {
            _peers.Members.Add(entity);
            ((IModel)entity).RelGenExtras = new EntityExtras { Peers = _peers };
        }
        return entity;
    }

    private void AttachRelated(T entity, NpgsqlDataReader reader, RelationPath[] paths)
    {
        // Paths are attached in order, so a chained path (a.Reporter.Editor) finds its parent object loaded.
        for (var i = 0; i < paths.Length; i++)
        {
            var path = paths[i];
            var target = path.Model;
            var offset = _relatedOffsets[i];
            object? related = null;
            if (!reader.IsDBNull(offset + target.KeyOrdinal))
            {
                related = target.ReadObject(reader, offset);
                ((IModel)related).RelGenDatabase = _database;
            }
            var owner = OwnerOf(entity, path.Parent);
            if (owner is not null)
                path.Relation.Source.SetRelated(owner, path.Relation.Index, related);
        }
    }

    private static object? OwnerOf(T entity, RelationPath? path)
    {
        if (path is null)
            return entity;
        var parent = OwnerOf(entity, path.Parent);
        return parent is null ? null : path.Relation.Source.GetRelated(parent, path.Relation.Index);
    }
}
