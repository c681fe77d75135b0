using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RelGen.Generator.Emit;
using RelGen.Generator.Model;
using RelGen.Generator.Parsing;

namespace RelGen.Generator;

/// <summary>
/// The pipeline: parse each [Model] class, link the models, emit one file per model; nothing else lives here. Each model's
/// file depends only on its own spec and what the graph says about its relations, so an edit re-emits only that file.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RelGenGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownNames.Model, static (node, _) => node is ClassDeclarationSyntax, ModelParser.Parse)
            .WithTrackingName(TrackingNames.Parse);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (context, list) =>
        {
            foreach (var diagnostic in list)
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
        });

        var graph = parsed.Collect()
            .Select(static (results, _) => GraphBuilder.Build(results))
            .WithTrackingName(TrackingNames.Graph);

        var models = graph
            .SelectMany(static (g, _) => g.Models)
            .WithTrackingName(TrackingNames.ModelFiles);
        context.RegisterSourceOutput(models, Emitter.EmitModel);

        var stubs = graph
            .SelectMany(static (g, _) => g.Stubs)
            .WithTrackingName(TrackingNames.Stubs);
        context.RegisterSourceOutput(stubs, Emitter.EmitStub);

        var registered = graph
            .Select(static (g, _) => g.Registered)
            .WithTrackingName(TrackingNames.Registration);
        context.RegisterSourceOutput(registered, Emitter.EmitRegistration);

        // Locations of cross-model clashes need the compilation; the step only does work when there is a clash.
        var clashes = graph
            .Select(static (g, _) => g.Clashes)
            .WithTrackingName(TrackingNames.Clashes);
        context.RegisterSourceOutput(clashes.Combine(context.CompilationProvider), static (context, pair) =>
        {
            foreach (var clash in pair.Left)
                context.ReportDiagnostic(ClashLocator.ToDiagnostic(clash, pair.Right));
        });
    }
}
