using Microsoft.CodeAnalysis;
using RelGen.Generator.Model;

namespace RelGen.Generator.Emit;

/// <summary>Adds the generated files: one per model, the registration, and stubs for models with errors.</summary>
internal static class Emitter
{
    public static void EmitModel(SourceProductionContext context, ModelEmitSpec spec)
        => context.AddSource(HintName(spec.Model.Namespace, spec.Model.ClassName), ModelEmitter.Emit(spec));

    public static void EmitRegistration(SourceProductionContext context, EquatableArray<string> models)
    {
        if (models.Count > 0)
            context.AddSource("RelGen.ModelRegistration.g.cs", RegistrationEmitter.Emit(models));
    }

    public static void EmitStub(SourceProductionContext context, StubSpec stub)
    {
        if (stub.Properties.Count > 0)
            context.AddSource(HintName(stub.Namespace, stub.ClassName), StubEmitter.Emit(stub));
    }

    private static string HintName(string ns, string name) => (ns.Length == 0 ? name : ns + "." + name) + ".g.cs";
}
