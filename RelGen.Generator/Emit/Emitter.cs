using Microsoft.CodeAnalysis;
using RelGen.Generator.Model;

namespace RelGen.Generator.Emit;

/// <summary>Adds the generated files: one per model, the registration, stubs for models with errors, the schema and the migrations.</summary>
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

    public static void EmitSchema(SourceProductionContext context, SchemaOutputSpec schema)
    {
        foreach (var diagnostic in schema.Diagnostics)
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        if (schema.Json is not null)
            context.AddSource("RelGen.SchemaSnapshot.g.cs", SchemaEmitter.Emit(schema));
    }

    public static void EmitMigrations(SourceProductionContext context, MigrationSetSpec migrations)
    {
        foreach (var diagnostic in migrations.Diagnostics)
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        if (migrations.Migrations.Count > 0)
            context.AddSource("RelGen.Migrations.g.cs", MigrationsEmitter.Emit(migrations));
    }

    private static string HintName(string ns, string name) => (ns.Length == 0 ? name : ns + "." + name) + ".g.cs";
}
