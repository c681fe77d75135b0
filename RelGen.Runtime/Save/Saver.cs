using RelGen.Execution;
using RelGen.Metadata;

namespace RelGen.Save;

/// <summary>
/// <c>SaveAsync</c>: Django's rules, with change tracking. An object loaded or saved before sends only the columns that
/// changed since (nothing when none did); when its row is gone, it is inserted again (Django's rule; a version column makes
/// that a <see cref="ConcurrencyException"/> instead). An object RelGen has not seen is updated by its key when it has one,
/// and inserted when no row matched; without a key it is inserted (the database assigns an identity key, RelGen a
/// <see cref="Guid"/>). Values are checked before anything is sent. A model with a version matches it in every UPDATE and
/// sets the next one.
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
        var lease = await database.AcquireAsync(DatabaseOperation.Save, model, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Checks the values of <paramref name="columns"/> only, and the relations whose key is one of them.</summary>
    internal static void Validate<T>(ModelDescriptor<T> model, T entity, IReadOnlyCollection<ColumnDescriptor<T>> columns) where T : class, IModel<T>
    {
        foreach (var column in columns)
            column.Validate(entity);
        foreach (var relation in model.TypedRelations)
        {
            if (columns.Contains(((RelationDescriptor)relation).Column))
                relation.PrepareSave(entity);
        }
    }

    /// <summary>Saves on a connection the caller holds, after <see cref="Validate{T}(ModelDescriptor{T}, T)"/>; <paramref name="changes"/> are the columns to update.</summary>
    internal static async Task SaveOnAsync<T>(RelGenDatabase database, ConnectionLease lease, T entity, ulong changes, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var model = T.RelGenModel;
        var known = model.Context(entity) is not null;
        // Django's rule for an object it has not seen: a key the model assigns itself (a Guid, like a pk with a default)
        // means a new row; a key given by hand (an id, a string) means "update that row, or insert it".
        if (known || (model.HasKey(entity) && !model.AssignsKeys))
        {
            if ((changes != 0 || !known)
                && await UpdateRowAsync(database, lease, model, entity, changes, cancellationToken).ConfigureAwait(false) == 0)
            {
                if (model.TypedVersion is null)
                {
                    // Django: a key that is set but not in the table is inserted with that key.
                    await InsertWithKeyAsync(database, lease, model, entity, ifAbsent: false, cancellationToken).ConfigureAwait(false);
                }
                else if (known || !await InsertWithKeyAsync(database, lease, model, entity, ifAbsent: true, cancellationToken).ConfigureAwait(false))
                {
                    // A versioned row that moved on or went away is never written over (a re-insert would revert someone's delete).
                    ThrowConcurrency(model, entity);
                }
            }
        }
        else
        {
            await InsertNewAsync(database, lease, model, entity, cancellationToken).ConfigureAwait(false);
        }
        model.Context(entity) ??= database.DefaultContext;
        model.AcceptChanges(entity);
    }

    /// <summary>Inserts an object that must be a new row (Django's <c>force_insert</c>): no UPDATE is tried first.</summary>
    internal static async Task InsertOnAsync<T>(RelGenDatabase database, ConnectionLease lease, T entity, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var model = T.RelGenModel;
        if (model.HasKey(entity))
            await InsertWithKeyAsync(database, lease, model, entity, ifAbsent: false, cancellationToken).ConfigureAwait(false);
        else
            await InsertNewAsync(database, lease, model, entity, cancellationToken).ConfigureAwait(false);
        model.Context(entity) ??= database.DefaultContext;
        model.AcceptChanges(entity);
    }

    /// <summary>
    /// Django's <c>save(force_update=True)</c>, for objects RelGen has not seen (a deserialized DTO): every column updated by
    /// key, never an insert; no row matched: <see cref="DoesNotExistException"/> (<see cref="ConcurrencyException"/> with a
    /// version, matched against the version the object carries). Afterwards the object is tracked as if loaded.
    /// </summary>
    public static async Task UpdateAsync<T>(RelGenDatabase database, T entity, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(entity);
        var model = T.RelGenModel;
        if (!model.HasKey(entity))
            throw new InvalidOperationException($"Cannot update {model.Name} '{entity}': it has no {model.Key.Property}, so there is no row to update.");
        Validate(model, entity);
        await UpdateExistingAsync(database, model, entity, cancellationToken).ConfigureAwait(false);
        model.Context(entity) ??= database.DefaultContext;
        model.AcceptChanges(entity);
    }

    /// <summary>An UPDATE of every column that must match a row; the errors of a miss.</summary>
    private static async Task UpdateExistingAsync<T>(RelGenDatabase database, ModelDescriptor<T> model, T entity, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var lease = await database.AcquireAsync(DatabaseOperation.Save, model, cancellationToken).ConfigureAwait(false);
        int rows;
        try
        {
            rows = await UpdateRowAsync(database, lease, model, entity, AllColumns(model), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (lease.Translate(e, cancellationToken) is { } error)
        {
            throw error;
        }
        finally
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
        if (rows == 0)
        {
            if (model.TypedVersion is not null)
                ThrowConcurrency(model, entity);
            throw new DoesNotExistException(model.Name,
                $"No {model.Name} row has {model.Key.Property} {model.DescribeKey(entity)}: nothing was updated (an update by key never inserts).");
        }
    }

    /// <summary>
    /// One UPDATE by key of the columns in <paramref name="changes"/>; with a version it also matches the version the object
    /// holds and sets the next, which the object then holds too. Returns the row count.
    /// </summary>
    private static async Task<int> UpdateRowAsync<T>(RelGenDatabase database, ConnectionLease lease, ModelDescriptor<T> model, T entity,
        ulong changes, CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        await using var update = database.CreateCommand(lease, ModelSql.For(model).Update(changes));
        foreach (var column in model.TypedColumns)
        {
            if (ModelSql.Includes(changes, column))
                column.AddParameter(entity, update.Parameters);
        }
        model.AddKeyParameter(entity, update.Parameters);
        var version = model.TypedVersion;
        version?.AddParameter(entity, update.Parameters);
        var rows = await lease.ExecutePreparedNonQueryAsync(update, cancellationToken).ConfigureAwait(false);
        if (rows > 0 && version is not null)
            model.AdvanceVersion(entity);
        return rows;
    }

    /// <summary>An INSERT of an object without a key: the database assigns an identity, RelGen a Guid; other key types must be given.</summary>
    private static async Task InsertNewAsync<T>(RelGenDatabase database, ConnectionLease lease, ModelDescriptor<T> model, T entity,
        CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        if (model.Key.IsIdentity)
        {
            await using var insert = database.CreateCommand(lease, ModelSql.For(model).Insert);
            foreach (var column in model.TypedColumns)
            {
                if (!column.IsIdentity)
                    column.AddParameter(entity, insert.Parameters);
            }
            await using var reader = await lease.ExecutePreparedReaderAsync(insert, cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            model.ReadKey(entity, reader, 0);
            return;
        }
        if (!model.HasKey(entity))
            model.AssignNewKey(entity);
        if (!model.HasKey(entity))
            throw new ModelValidationException(model.Name, model.Key.Property, "the primary key is not set; RelGen assigns int, long and Guid keys, a key of this type must be given.");
        await InsertWithKeyAsync(database, lease, model, entity, ifAbsent: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An INSERT with the object's key; <paramref name="ifAbsent"/>: nothing when a row has that key. Returns true when a row was inserted.</summary>
    private static async Task<bool> InsertWithKeyAsync<T>(RelGenDatabase database, ConnectionLease lease, ModelDescriptor<T> model, T entity, bool ifAbsent,
        CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var sql = ModelSql.For(model);
        await using var insert = database.CreateCommand(lease, ifAbsent ? sql.InsertWithKeyIfAbsent : sql.InsertWithKey);
        foreach (var column in model.TypedColumns)
            column.AddParameter(entity, insert.Parameters);
        return await lease.ExecutePreparedNonQueryAsync(insert, cancellationToken).ConfigureAwait(false) > 0;
    }

    internal static void ThrowConcurrency<T>(ModelDescriptor<T> model, T entity) where T : class, IModel<T>
        => throw new ConcurrencyException(model.Name, model.DescribeKey(entity), model.TypedVersion!.Describe(entity));

    /// <summary>The non-key columns whose values changed since the object was loaded or saved (never the version: every UPDATE sets it).</summary>
    internal static ulong ChangedColumns<T>(ModelDescriptor<T> model, T entity) where T : class, IModel<T>
    {
        if (model.Columns.Count > MaskColumns)
            return AllColumns(model);
        return model.ChangedColumns(entity);
    }

    /// <summary>Every non-key, non-version column.</summary>
    internal static ulong AllColumns(ModelDescriptor model)
    {
        if (model.Columns.Count > MaskColumns)
            return ModelSql.AllColumns;
        var all = 0UL;
        foreach (var column in model.Columns)
        {
            if (!column.IsKey && !column.IsVersion)
                all |= Bit(column);
        }
        return all;
    }

    private static ulong Bit(ColumnDescriptor column) => 1UL << column.Ordinal;
}
