using RelGen.Execution;
using RelGen.Metadata;

namespace RelGen.Save;

/// <summary>
/// <c>SaveAsync</c>: Django's rules, with change tracking. An object loaded or saved before sends only the columns that
/// changed since (nothing when none did); when its row is gone, it is inserted again (Django's rule; a version column makes
/// that an error instead). An object RelGen has not seen is updated by its key when it has one, and inserted when no row
/// matched; without a key it is inserted (the database assigns an identity key, RelGen a <see cref="Guid"/>). Values are
/// checked before anything is sent.
/// </summary>
internal static class Saver
{
    /// <summary>Models with more columns than a change mask holds update every column: <see cref="ModelSql.AllColumns"/>.</summary>
    private const int MaskColumns = 64;

    public static async Task SaveAsync<T>(RelGenDatabase database, T entity, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(entity);
        var model = T.RelGenModel;
        Validate(model, entity);
        var changes = model.Context(entity) is null ? AllColumns(model) : ChangedColumns(model, entity);
        if (changes == 0 && model.Context(entity) is not null)
            return;
        var lease = await database.AcquireAsync(DatabaseOperation.Save, model.Name, cancellationToken).ConfigureAwait(false);
        try
        {
            await SaveOnAsync(database, lease, entity, changes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (lease.Translate(e, cancellationToken) is { } error)
        {
            throw error;
        }
        finally
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Checks every value and relation of <paramref name="entity"/>; throws before anything is sent.</summary>
    internal static void Validate<T>(ModelDescriptor<T> model, T entity) where T : class, IModel<T>
    {
        foreach (var column in model.TypedColumns)
            column.Validate(entity);
        foreach (var relation in model.TypedRelations)
            relation.PrepareSave(entity);
    }

    /// <summary>Saves on a connection the caller holds, after <see cref="Validate"/>; <paramref name="changes"/> are the columns to update.</summary>
    internal static async Task SaveOnAsync<T>(RelGenDatabase database, ConnectionLease lease, T entity, ulong changes, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var model = T.RelGenModel;
        var sql = ModelSql.For(model);
        var known = model.Context(entity) is not null;
        // Django's rule for an object it has not seen: a key the model assigns itself (a Guid, like a pk with a default)
        // means a new row; a key given by hand (an id, a string) means "update that row, or insert it".
        if (known || (model.HasKey(entity) && !model.AssignsKeys))
        {
            if (changes != 0 || !known)
            {
                await using var update = database.CreateCommand(lease, sql.Update(changes));
                foreach (var column in model.TypedColumns)
                {
                    if (Includes(changes, column))
                        column.AddParameter(entity, update.Parameters);
                }
                model.AddKeyParameter(entity, update.Parameters);
                if (await lease.ExecutePreparedNonQueryAsync(update, cancellationToken).ConfigureAwait(false) == 0)
                    await InsertWithKeyAsync(database, lease, model, entity, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (model.Key.IsIdentity)
        {
            await using var insert = database.CreateCommand(lease, sql.Insert);
            foreach (var column in model.TypedColumns)
            {
                if (!column.IsIdentity)
                    column.AddParameter(entity, insert.Parameters);
            }
            await using var reader = await lease.ExecutePreparedReaderAsync(insert, cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            model.ReadKey(entity, reader, 0);
        }
        else
        {
            if (!model.HasKey(entity))
                model.AssignNewKey(entity);
            if (!model.HasKey(entity))
                throw new ModelValidationException(model.Name, model.Key.Property, "the primary key is not set; RelGen assigns int, long and Guid keys, a key of this type must be given.");
            await InsertWithKeyAsync(database, lease, model, entity, cancellationToken).ConfigureAwait(false);
        }
        model.Context(entity) ??= database.DefaultContext;
        model.AcceptChanges(entity);
    }

    private static async Task InsertWithKeyAsync<T>(RelGenDatabase database, ConnectionLease lease, ModelDescriptor<T> model, T entity, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        // Django: a key that is set but not in the table is inserted with that key.
        await using var insert = database.CreateCommand(lease, ModelSql.For(model).InsertWithKey);
        foreach (var column in model.TypedColumns)
            column.AddParameter(entity, insert.Parameters);
        await lease.ExecutePreparedNonQueryAsync(insert, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The non-key columns whose values changed since the object was loaded or saved.</summary>
    internal static ulong ChangedColumns<T>(ModelDescriptor<T> model, T entity) where T : class, IModel<T>
    {
        if (model.Columns.Count > MaskColumns)
            return AllColumns(model);
        var changes = 0UL;
        foreach (var column in model.TypedColumns)
        {
            if (!column.IsKey && column.IsChanged(entity))
                changes |= Bit(column);
        }
        return changes;
    }

    /// <summary>Every non-key column.</summary>
    internal static ulong AllColumns(ModelDescriptor model)
    {
        if (model.Columns.Count > MaskColumns)
            return ModelSql.AllColumns;
        var all = 0UL;
        foreach (var column in model.Columns)
        {
            if (!column.IsKey)
                all |= Bit(column);
        }
        return all;
    }

    internal static bool Includes(ulong changes, ColumnDescriptor column)
        => changes == ModelSql.AllColumns ? !column.IsKey : (changes & Bit(column)) != 0;

    private static ulong Bit(ColumnDescriptor column) => 1UL << column.Ordinal;
}
