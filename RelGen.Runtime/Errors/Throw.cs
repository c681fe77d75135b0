using System.Diagnostics.CodeAnalysis;
using RelGen.Metadata;

namespace RelGen;

/// <summary>Throw helpers, kept off the hot paths so the callers stay small.</summary>
internal static class Throw
{
    [DoesNotReturn]
    public static void RelationNotSet(RelationDescriptor relation, object source)
        => throw new InvalidOperationException($"{relation} is not set on '{source}'.");

    [DoesNotReturn]
    public static void RelationRequired(RelationDescriptor relation)
        => throw new ModelValidationException(relation.Source.Name, relation.Property, "the relation is required (NOT NULL) but is not set.");

    [DoesNotReturn]
    public static void UnsavedRelated(RelationDescriptor relation, object related)
        => throw new InvalidOperationException(
            $"Cannot save {relation.Source.Name}: its relation {relation} points at an unsaved {relation.Target.Name} ('{related}'). Save that object first.");

    [DoesNotReturn]
    public static void UnsavedInLookup<T>(ModelDescriptor<T> model, T instance) where T : class, IModel<T>
        => throw new InvalidOperationException($"An unsaved {model.Name} ('{instance}') cannot be used in a lookup: save it first.");

    [DoesNotReturn]
    public static void ColumnNotSettable(ColumnDescriptor column)
        => throw new InvalidOperationException($"{column} has no setter RelGen can call (an init-only property), so RelGen cannot assign it.");

    [DoesNotReturn]
    public static void NotFromDatabase(RelationDescriptor relation, object source)
        => throw new InvalidOperationException(
            $"{relation} is not loaded and '{source}' was not loaded from a database, so it cannot be loaded now; assign the object or load '{source}' through a query set.");

    [DoesNotReturn]
    public static void LockOutsideTransaction(ModelDescriptor model)
        => throw new InvalidOperationException(
            $"SelectForUpdate on a {model.Name} query needs a transaction (await db.BeginTransactionAsync()): outside one the locks would end with the statement. Nothing was sent.");
}
