using Microsoft.CodeAnalysis;
using RelGen.Generator.Model;

namespace RelGen.Generator.Emit;

/// <summary>Adds every generated file for a model graph, in a deterministic order.</summary>
internal static class Emitter
{
    public static void Emit(SourceProductionContext context, ModelGraph graph)
    {
        foreach (var model in graph.Models)
            context.AddSource(HintName(model.Model.Namespace, model.Model.ClassName), ModelEmitter.Emit(model));
        foreach (var stub in graph.Stubs)
        {
            if (stub.Properties.Count > 0)
                context.AddSource(HintName(stub.Namespace, stub.ClassName), StubEmitter.Emit(stub));
        }
        if (graph.Models.Count > 0)
            context.AddSource("RelGen.ModelRegistration.g.cs", RegistrationEmitter.Emit(graph));
    }

    private static string HintName(string ns, string name) => (ns.Length == 0 ? name : ns + "." + name) + ".g.cs";
}
