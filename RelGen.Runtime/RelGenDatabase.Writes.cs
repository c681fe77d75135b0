using RelGen.Save;

namespace RelGen;

public sealed partial class RelGenDatabase
{
    /// <summary>
    /// Reads the object's row again and copies every column into it (Django's <c>refresh_from_db</c>); a cached related
    /// object the new key no longer points at is dropped, as is what a prefetch loaded for it. Throws
    /// <see cref="DoesNotExistException"/> when the row is gone. To reload relations too, or to lock the row, refresh through
    /// a query set: <c>Article.Objects(db).SelectRelated(a =&gt; a.Reporter).RefreshAsync(article)</c>.
    /// </summary>
    public Task RefreshAsync<T>(T entity, CancellationToken cancellationToken = default) where T : class, IModel<T>
        => Refresher.RefreshAsync(this, T.RelGenModel.AllRows, entity, cancellationToken);

    /// <summary>
    /// Updates the row with the object's key to the object's values, every column, and never inserts (Django's
    /// <c>save(force_update=True)</c>, EF Core's <c>Update</c>): the way to save an object RelGen has not seen, such as a
    /// deserialized DTO with a <see cref="Guid"/> key, which <see cref="SaveAsync{T}"/> would insert. No such row:
    /// <see cref="DoesNotExistException"/>. With a <c>[ConcurrencyCheck]</c> version, the row must also hold the version the
    /// object carries (else <see cref="ConcurrencyException"/>), and the object gets the next one. Afterwards the object is
    /// tracked as if loaded: later saves send only what changes.
    /// </summary>
    public Task UpdateAsync<T>(T entity, CancellationToken cancellationToken = default) where T : class, IModel<T>
        => Saver.UpdateAsync(Tracked(), entity, cancellationToken);
}
