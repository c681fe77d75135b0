using System.ComponentModel;

namespace RelGen.Query;

/// <summary>
/// A lookup of a model with key type <typeparamref name="TKey"/>: besides its fields, the relation itself
/// compares with instances and key values (<c>a.Reporter == r</c>, <c>a.Reporter.In(1, 2)</c>), and <c>IsNull()</c>.
/// </summary>
public abstract class ModelLookup<TModel, TKey> : ModelLookup
    where TModel : class, IModel<TModel>
{
    protected ModelLookup(RelationPath? path) : base(path, TModel.Meta)
    {
    }

    private ColumnRef KeyColumn => new(RelGenPath, RelGenMeta.Key);

    /// <summary>The key of a saved instance; an unsaved one cannot be compared (Django: "must be saved").</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract TKey RelGenKeyOf(TModel model);

    private TKey SavedKey(TModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!TModel.Meta.IsSaved(model))
            ThrowUnsaved(model);
        return RelGenKeyOf(model);
    }

    private static void ThrowUnsaved(TModel model)
        => throw new InvalidOperationException($"An unsaved {TModel.Meta.ClassName} ('{model}') cannot be used in a lookup: save it first.");

    /// <summary>Django's <c>relation__isnull</c>: on a forward relation its key is NULL; on a reverse one there is no related row.</summary>
    public Predicate IsNull(bool isNull = true) => new IsNullPredicate(KeyColumn, isNull);

    public Predicate In(params TModel[] models) => new InPredicate<TKey>(KeyColumn, Array.ConvertAll(models, SavedKey));

    public Predicate In(IEnumerable<TModel> models) => In(models.ToArray());

    public Predicate In(params TKey[] keys) => new InPredicate<TKey>(KeyColumn, keys);

    public Predicate In(IEnumerable<TKey> keys) => new InPredicate<TKey>(KeyColumn, keys.ToArray());

    /// <summary>Keys from a query set, compiled into the same statement.</summary>
    public Predicate In(QuerySet<TModel> query) => new SubqueryInPredicate(KeyColumn, query.State);

    public static Predicate operator ==(ModelLookup<TModel, TKey> lookup, TModel? model)
        => model is null ? lookup.IsNull() : new ComparePredicate<TKey>(lookup.KeyColumn, LookupOperator.Exact, lookup.SavedKey(model));

    public static Predicate operator !=(ModelLookup<TModel, TKey> lookup, TModel? model)
        => model is null ? lookup.IsNull(false) : new ComparePredicate<TKey>(lookup.KeyColumn, LookupOperator.NotEqual, lookup.SavedKey(model));

    public static Predicate operator ==(ModelLookup<TModel, TKey> lookup, TKey key)
        => new ComparePredicate<TKey>(lookup.KeyColumn, LookupOperator.Exact, key);

    public static Predicate operator !=(ModelLookup<TModel, TKey> lookup, TKey key)
        => new ComparePredicate<TKey>(lookup.KeyColumn, LookupOperator.NotEqual, key);

    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => base.Equals(obj);

    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => base.GetHashCode();
}
