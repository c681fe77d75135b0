using System.ComponentModel;

namespace RelGen.Metadata;

/// <summary>
/// The models of the application: each assembly's generated module initializer registers its models (and the public models
/// of the assemblies it references), so <c>CreateTablesAsync()</c> and delete planning know them without reflection. Reverse
/// relations are derived here, from every registered model's relations.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ModelRegistry
{
    private static readonly object Gate = new();
    private static readonly Dictionary<Type, ModelDescriptor> Models = [];
    private static volatile Snapshot _snapshot = new([], new Dictionary<ModelDescriptor, RelationDescriptor[]>());

    /// <summary>Called by generated module initializers, once per model.</summary>
    public static void Register<T>() where T : class, IModel<T>
    {
        var model = T.RelGenModel;
        lock (Gate)
        {
            if (!Models.TryAdd(typeof(T), model))
                return;
            var all = Models.Values.OrderBy(m => m.ClrType.FullName, StringComparer.Ordinal).ToArray();
            var reverse = new Dictionary<ModelDescriptor, List<RelationDescriptor>>();
            foreach (var source in all)
            {
                foreach (var relation in source.Relations)
                {
                    if (!reverse.TryGetValue(relation.Target, out var list))
                        reverse[relation.Target] = list = [];
                    list.Add(relation);
                }
            }
            _snapshot = new Snapshot(all, reverse.ToDictionary(p => p.Key, p => p.Value.ToArray()));
        }
    }

    /// <summary>Every registered model, ordered by full class name.</summary>
    public static IReadOnlyList<ModelDescriptor> All => _snapshot.Models;

    /// <summary>The relations of registered models that point at <paramref name="model"/>.</summary>
    internal static IReadOnlyList<RelationDescriptor> ReverseRelationsOf(ModelDescriptor model)
        => _snapshot.Reverse.TryGetValue(model, out var relations) ? relations : [];

    private sealed record Snapshot(ModelDescriptor[] Models, Dictionary<ModelDescriptor, RelationDescriptor[]> Reverse);
}
