using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RelGen.Generator.Emit;
using RelGen.Generator.Migrations;
using RelGen.Generator.Model;
using RelGen.Generator.Parsing;

namespace RelGen.Generator;

/// <summary>
/// The pipeline: parse each [Model] class, link the models, emit one file per model; then the schema (one snapshot for the
/// assembly), the migration files and the check of the models against the latest migration. Nothing else lives here. Each
/// model's file depends only on its own spec and what the graph says about its relations, so an edit re-emits only that file.
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

        // Models of referenced assemblies RelGen generated: registered with ours, their tables in our snapshot.
        var referenced = context.CompilationProvider
            .Select(ReferencedModels.Find)
            .WithTrackingName(TrackingNames.ReferencedModels);

        var registered = graph
            .Select(static (g, _) => g.Registered)
            .Combine(referenced)
            .Select(static (pair, _) => new EquatableArray<string>(pair.Left.Concat(pair.Right.ModelTypes.Where(m => !pair.Left.Contains(m)))))
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

        var schema = graph
            .Combine(referenced)
            .Select(static (pair, cancellationToken) => SnapshotBuilder.Build(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Schema);
        context.RegisterSourceOutput(schema, Emitter.EmitSchema);
        context.RegisterSourceOutput(schema.Select(static (s, _) => s.Problems).Combine(context.CompilationProvider), static (context, pair) =>
        {
            foreach (var problem in pair.Left)
                context.ReportDiagnostic(ClashLocator.ToDiagnostic(problem, pair.Right));
        });

        // Migrations/*.sql and relgen.snapshot.json, as the RelGen package's props file hands them over.
        var migrationFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => MigrationInputs.Read(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(TrackingNames.MigrationFiles);
        var migrations = migrationFiles.Collect()
            .Select(static (inputs, _) => MigrationInputs.Collect(inputs))
            .WithTrackingName(TrackingNames.Migrations);
        context.RegisterSourceOutput(migrations, Emitter.EmitMigrations);

        var checkEnabled = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => !(options.GlobalOptions.TryGetValue(PendingChanges.CheckProperty, out var value)
                && string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase)));
        var pending = schema
            .Combine(migrationFiles.Where(static f => f.IsSnapshot).Collect())
            .Combine(checkEnabled)
            .Select(static (pair, _) => PendingChanges.Find(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.PendingChanges);
        context.RegisterSourceOutput(pending, static (context, list) =>
        {
            foreach (var diagnostic in list)
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
        });
    }
}
