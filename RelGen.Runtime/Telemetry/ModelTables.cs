using RelGen.Metadata;

namespace RelGen.Telemetry;

/// <summary>
/// The table of a model named by class name, for <c>db.collection.name</c>: operations know their model's name (what their
/// errors carry), and this maps it back through the registry, rebuilt when a model is registered. A class name two registered
/// models share gives no table rather than a wrong one.
/// </summary>
internal static class ModelTables
{
    private static Map? _map;

    public static string? Of(string? model)
    {
        if (model is null)
            return null;
        var all = ModelRegistry.All;
        var map = _map;
        if (map is null || !ReferenceEquals(map.Models, all))
            _map = map = Build(all);
        return map.Tables.TryGetValue(model, out var table) ? table : null;
    }

    private static Map Build(IReadOnlyList<ModelDescriptor> models)
    {
        var tables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var model in models)
            tables[model.Name] = tables.ContainsKey(model.Name) ? null : model.Table;
        return new Map(models, tables);
    }

    private sealed record Map(IReadOnlyList<ModelDescriptor> Models, Dictionary<string, string?> Tables);
}
