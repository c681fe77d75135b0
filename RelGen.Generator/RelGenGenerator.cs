using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RelGen.Generator.Emit;
using RelGen.Generator.Model;
using RelGen.Generator.Parsing;

namespace RelGen.Generator;

/// <summary>The pipeline: parse each [Model] class, link the models, emit; nothing else lives here.</summary>
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
        context.RegisterSourceOutput(graph, Emitter.Emit);

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
