using RelGen.Save;

namespace RelGen.Query;

/// <summary>The writes of a query set: set-based update, saving given fields, get-or-create, upserts, bulk update, row locks, refresh.</summary>
public partial class QuerySet<T, TLookup>
{
    /// <summary>
    /// Updates every matching row in one statement (Django's <c>update()</c>, EF Core's <c>ExecuteUpdate</c>) and returns
    /// how many rows it changed: <c>UpdateAsync(a =&gt; a.Headline.Set("x"), a =&gt; a.Views.Set(a.Views + 1))</c>. Only fields
    /// of the model itself can be set, to values or to expressions over the row's own fields; a relation is set to an object
    /// or null. Values are checked as <c>SaveAsync</c> checks them, and everything refused is refused before anything is
    /// sent. A <c>[ConcurrencyCheck]</c> version moves to its next value unless it is set explicitly.
    /// </summary>
    public Task<int> UpdateAsync(params Func<TLookup, Assignment>[] assignments) => UpdateAsync((IEnumerable<Func<TLookup, Assignment>>)assignments, CancellationToken.None);

    /// <inheritdoc cref="UpdateAsync(Func{TLookup, Assignment}[])"/>
    public async Task<int> UpdateAsync(IEnumerable<Func<TLookup, Assignment>> assignments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var model = State.Model;
        var list = new List<Assignment>();
        foreach (var assign in assignments)
        {
            var assignment = assign(Root) ?? throw new ArgumentNullException(nameof(assignments));
            OwnColumns.Check(model, assignment);
            if (list.Exists(a => a.Column == assignment.Column))
                throw new ArgumentException($"UpdateAsync sets {assignment.Column} twice.", nameof(assignments));
            list.Add(assignment);
        }
        if (list.Count == 0)
            throw new ArgumentException($"UpdateAsync of {model.Name} needs at least one assignment, e.g. a => a.Field.Set(value).", nameof(assignments));
        try
        {
            return await QueryUpdater.UpdateAsync(Database, State, [.. list], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            State.Known?.Changed();
        }
    }

    /// <summary>
    /// Saves only <paramref name="fields"/> of <paramref name="entity"/> (Django's <c>save(update_fields=…)</c>):
    /// <c>SaveAsync(article, a =&gt; [a.Headline, a.ReporterId])</c>. One UPDATE by key, sent whether or not the values
    /// changed, that also needs the row to match this query set's filters; it never inserts. No row matched:
    /// <see cref="DoesNotExistException"/>, or <see cref="ConcurrencyException"/> for a model with a version (which the UPDATE
    /// matches and moves on). Works for objects RelGen has not seen (a DTO with its key); the other fields keep their
    /// tracked state.
    /// </summary>
    public async Task SaveAsync(T entity, Func<TLookup, IEnumerable<SqlExpression>> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var columns = OwnColumns.Fields<T, TLookup>(Root, fields, nameof(SaveAsync));
        try
        {
            await QueryUpdater.SaveFieldsAsync(Database, State, entity, columns, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            State.Known?.Changed();
        }
    }

    /// <summary>
    /// Updates <paramref name="fields"/> of many objects in one statement (Django's <c>bulk_update</c>): each row gets its
    /// object's values (<c>UPDATE … FROM unnest(…)</c>); rows outside this query set are left alone. Returns how many rows
    /// were updated. Every object needs its key; values are checked first. With a version every row must still have the
    /// object's version, else nothing is written and <see cref="ConcurrencyException"/> names the first stale object.
    /// </summary>
    public async Task<int> BulkUpdateAsync(IEnumerable<T> entities, Func<TLookup, IEnumerable<SqlExpression>> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var columns = OwnColumns.Fields<T, TLookup>(Root, fields, nameof(BulkUpdateAsync));
        if (columns.Count == 0)
            throw new ArgumentException($"BulkUpdateAsync of {State.Model.Name} needs at least one field.", nameof(fields));
        try
        {
            return await BulkUpdater.UpdateAsync(Database, State, entities, columns, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            State.Known?.Changed();
        }
    }

    /// <summary>
    /// Inserts many objects in one statement, deciding per <paramref name="onConflict"/> what a clash on a unique constraint
    /// does: <c>a =&gt; Conflict.On(a.Headline).Ignore()</c> leaves the existing row alone,
    /// <c>a =&gt; Conflict.On(a.Headline).Update(a.PubDate, a.Views)</c> updates those fields of it. Either way every object
    /// ends up with its row's key, the existing ones included. Values are checked as <c>SaveAsync</c> checks them; a reverse
    /// manager points the objects at its owner first.
    /// </summary>
    public async Task BulkCreateAsync(IEnumerable<T> entities, Func<TLookup, ConflictAction> onConflict, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(onConflict);
        var action = onConflict(Root) ?? throw new ArgumentNullException(nameof(onConflict));
        var list = entities.ToList();
        if (State.Known is KnownRelated<T> known)
        {
            foreach (var entity in list)
                known.Adopt(entity ?? throw new ArgumentNullException(nameof(entities)));
        }
        try
        {
            await Upserter.UpsertAsync(Database, list, action, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            State.Known?.Changed();
        }
    }

    /// <summary>
    /// The object matching <paramref name="lookup"/>, or a new one from <paramref name="create"/>, inserted (Django's
    /// <c>get_or_create</c>); <c>Created</c> tells which. A reverse manager points the new object at its owner. Race-safe:
    /// when the insert hits a unique violation (someone created it meanwhile) the object is read again and returned. Inside
    /// a transaction the insert runs in a savepoint, so a failure leaves the transaction usable.
    /// </summary>
    public Task<(T Object, bool Created)> GetOrCreateAsync(Func<TLookup, Predicate> lookup, Func<T> create, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(create);
        return GetOrCreator.GetOrCreateAsync(Database, State.AddFilter(lookup(Root), exclude: false), create, cancellationToken);
    }

    /// <summary>
    /// Django's <c>update_or_create</c>, atomically (its own transaction, or a savepoint of the active one): the object
    /// matching <paramref name="lookup"/> is read with a row lock, <paramref name="update"/> applied and its changed fields
    /// saved; when there is none, <paramref name="create"/> makes one, <paramref name="update"/> runs on it too (as Django
    /// applies <c>defaults</c> on create), and it is inserted, race-safe as in <see cref="GetOrCreateAsync"/>.
    /// </summary>
    public Task<(T Object, bool Created)> UpdateOrCreateAsync(Func<TLookup, Predicate> lookup, Action<T> update, Func<T> create,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(create);
        return GetOrCreator.UpdateOrCreateAsync(Database, State.AddFilter(lookup(Root), exclude: false), update, create, cancellationToken);
    }

    /// <summary>
    /// Locks the rows this query reads until the transaction ends (<c>SELECT … FOR UPDATE</c>, Django's
    /// <c>select_for_update</c>). Reading it outside a transaction throws <see cref="InvalidOperationException"/> before
    /// anything is sent. <paramref name="noWait"/> fails at once on a row another transaction locked; <paramref name="skipLocked"/>
    /// leaves such rows out (with <c>Take</c>, a job queue); <paramref name="of"/> limits the lock to some tables of the query
    /// (<c>of: a =&gt; [a]</c> the model's own rows, <c>a =&gt; [a, a.Reporter]</c> those and their reporters), else every
    /// table the query reads is locked; <paramref name="noKey"/> takes PostgreSQL's weaker <c>FOR NO KEY UPDATE</c>.
    /// <c>CountAsync</c> and <c>ExistsAsync</c> do not lock; <c>UpdateAsync</c> and <c>DeleteAsync</c> lock in their row subquery.
    /// </summary>
    public QuerySet<T, TLookup> SelectForUpdate(bool noWait = false, bool skipLocked = false, Func<TLookup, IEnumerable<ModelLookup>>? of = null, bool noKey = false)
    {
        if (noWait && skipLocked)
            throw new ArgumentException("SelectForUpdate takes noWait or skipLocked, not both.", nameof(skipLocked));
        var paths = new List<RelationPath?>();
        if (of is not null)
        {
            foreach (var lookup in of(Root) ?? [])
            {
                var path = lookup?.RelGenPath;
                if (lookup is null || path is not null && !IsLockable(path))
                    throw new ArgumentException($"SelectForUpdate(of:) takes the model itself and its required forward relations; '{lookup}' is {(path is { IsMultiValued: true } ? "a reverse relation" : "a nullable relation, which PostgreSQL cannot lock through an outer join")}.", nameof(of));
                if (!paths.Contains(path))
                    paths.Add(path);
            }
        }
        var flags = (noWait ? RowLockFlags.NoWait : 0) | (skipLocked ? RowLockFlags.SkipLocked : 0) | (noKey ? RowLockFlags.NoKey : 0);
        return With(State.WithLock(new RowLock(flags, [.. paths])));

        static bool IsLockable(RelationPath path)
            => !path.IsReverse && !path.Relation.IsNullable && (path.Parent is null || IsLockable(path.Parent));
    }

    /// <summary>
    /// Reads <paramref name="entity"/>'s row again through this query set and copies every column into it (Django's
    /// <c>refresh_from_db(from_queryset=…)</c>): <c>SelectRelated</c> reloads those relations, <c>PrefetchRelated</c> those
    /// sets, <c>SelectForUpdate</c> locks the row. A cached related object the new key no longer points at is dropped, as is
    /// what an earlier prefetch loaded. <see cref="DoesNotExistException"/> when the row is gone (or outside the query set).
    /// </summary>
    public Task RefreshAsync(T entity, CancellationToken cancellationToken = default)
        => Refresher.RefreshAsync(Database, State, entity, cancellationToken);
}
