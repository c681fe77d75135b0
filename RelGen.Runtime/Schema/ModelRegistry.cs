using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace RelGen.Schema;

/// <summary>
/// The models of every loaded assembly. Each assembly's generated module initializer registers its
/// models; <see cref="All"/> first runs the initializers of loaded assemblies not yet touched.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ModelRegistry
{
    private static readonly ConcurrentDictionary<Type, ModelMeta> Models = new();

    /// <summary>Called by generated module initializers.</summary>
    public static void Register(params ModelMeta[] models)
    {
        foreach (var model in models)
            Models.TryAdd(model.ClrType, model);
    }

    /// <summary>Every registered model, ordered by class name for a stable order.</summary>
    public static IReadOnlyList<ModelMeta> All()
    {
        var runtime = typeof(ModelRegistry).Assembly.GetName().Name;
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            // Only assemblies that reference RelGen can hold models.
            if (assembly.IsDynamic || !References(assembly, runtime))
                continue;
            RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        }
        return Models.Values.OrderBy(m => m.ClrType.FullName, StringComparer.Ordinal).ToList();
    }

    private static bool References(Assembly assembly, string? name)
    {
        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            if (reference.Name == name)
                return true;
        }
        return false;
    }
}
