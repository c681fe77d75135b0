using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>
/// A lookup of a model with key type <typeparamref name="TKey"/>: besides its fields, the relation itself compares with
/// instances and key values (<c>a.Reporter == r</c>, <c>a.Reporter.In(1, 2)</c>), and <c>IsNull()</c>; in <c>Select</c> it is the
/// model's objects.
/// </summary>
public abstract class ModelLookup<TModel, TKey> : ModelLookup, ISelectable<TModel>
    where TModel : class, IModel<TModel>
    where TKey : notnull
{
    /// <summary>Used by the generated lookup's constructor.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected ModelLookup(RelationPath? path) : base(path, TModel.RelGenModel)
    {
    }

    private static ModelDescriptor<TModel, TKey> Descriptor => (ModelDescriptor<TModel, TKey>)TModel.RelGenModel;

    private ColumnExpression<TKey> KeyColumn => new(ColumnRef.Of(RelGenPath, Model.Key));

    /// <summary>The model itself (<c>r =&gt; r</c>) or a forward-related one (<c>a =&gt; a.Reporter</c>) as a <c>Select</c> term.</summary>
    SelectTerm<TModel> ISelectable<TModel>.RelGenTerm => RelGenPath is { IsMultiValued: true }
        ? throw new ArgumentException($"Select reads one {Model.Name} per row; '{this}' crosses a reverse relation: select an aggregate of it (Count(), Sum(), ...).")
        : new ModelTerm<TModel>(RelGenPath);

    /// <summary>The key of a saved instance; an object without a key cannot be compared (Django: "must be saved").</summary>
    private TKey SavedKey(TModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var descriptor = Descriptor;
        if (!descriptor.HasKey(model))
            Throw.UnsavedInLookup(descriptor, model);
        return descriptor.GetKey(model);
    }

    /// <summary>Django's <c>relation__isnull</c>: on a forward relation its key is NULL; on a reverse one there is no related row.</summary>
    public Predicate IsNull(bool isNull = true) => new IsNullPredicate(KeyColumn, isNull);

    /// <summary>Points at one of <paramref name="models"/>.</summary>
    public Predicate In(params TModel[] models) => new InPredicate<TKey>(KeyColumn, Array.ConvertAll(models, SavedKey));

    /// <summary>Points at one of <paramref name="models"/>.</summary>
    public Predicate In(IEnumerable<TModel> models) => In(models.ToArray());

    /// <summary>Points at one of the objects with <paramref name="keys"/>.</summary>
    public Predicate In(params TKey[] keys) => new InPredicate<TKey>(KeyColumn, keys);

    /// <summary>Points at one of the objects with <paramref name="keys"/>.</summary>
    public Predicate In(IEnumerable<TKey> keys) => new InPredicate<TKey>(KeyColumn, keys.ToArray());

    /// <summary>Points at one of the objects of <paramref name="query"/>, compiled into the same statement.</summary>
    public Predicate In(QuerySet<TModel> query) => new SubqueryInPredicate(KeyColumn, query.State);

    /// <summary>
    /// Points the updated objects at <paramref name="model"/> (NULL when null) in an <c>UpdateAsync</c>; only a relation of
    /// the model being updated can be set.
    /// </summary>
    public Assignment Set(TModel? model)
    {
        if (RelGenPath is not { IsReverse: false } path)
            throw new InvalidOperationException($"Only a forward relation can be set in an update; '{this}' is {(RelGenPath is null ? "the model itself" : "a reverse relation")}.");
        var target = new ColumnRef(path.Parent, path.Relation.Column);
        return model is null ? Assignment.Null(target) : Assignment.Of(target, SavedKey(model), static (w, key) => w.Parameter(key));
    }

    /// <summary>Points at <paramref name="model"/>; <c>== null</c> is <c>IsNull()</c>.</summary>
    public static Predicate operator ==(ModelLookup<TModel, TKey> lookup, TModel? model)
        => model is null ? lookup.IsNull() : new ComparePredicate<TKey>(lookup.KeyColumn, LookupOperator.Exact, lookup.SavedKey(model));

    /// <summary>Does not point at <paramref name="model"/> (NULL counts as not pointing at it); <c>!= null</c> is <c>IsNull(false)</c>.</summary>
    public static Predicate operator !=(ModelLookup<TModel, TKey> lookup, TModel? model)
        => model is null ? lookup.IsNull(false) : new ComparePredicate<TKey>(lookup.KeyColumn, LookupOperator.NotEqual, lookup.SavedKey(model));

    /// <summary>Points at the object with <paramref name="key"/>.</summary>
    public static Predicate operator ==(ModelLookup<TModel, TKey> lookup, TKey key)
        => new ComparePredicate<TKey>(lookup.KeyColumn, LookupOperator.Exact, key);

    /// <summary>Does not point at the object with <paramref name="key"/>.</summary>
    public static Predicate operator !=(ModelLookup<TModel, TKey> lookup, TKey key)
        => new ComparePredicate<TKey>(lookup.KeyColumn, LookupOperator.NotEqual, key);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => base.GetHashCode();
}
