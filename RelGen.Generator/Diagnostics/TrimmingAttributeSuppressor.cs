using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RelGen.Generator.Parsing;

namespace RelGen.Generator.Diagnostics;

/// <summary>
/// Suppresses the trimming analyzer's IL2026 on data-annotation attributes (<c>[MaxLength]</c>, <c>[StringLength]</c>, …)
/// applied to the properties of a <c>[Model]</c>: RelGen reads them at compile time and never constructs them, so the
/// reflection their constructors warn about does not happen on RelGen's account. Code that validates with
/// <c>System.ComponentModel.DataAnnotations.Validator</c> gets that API's own warnings.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrimmingAttributeSuppressor : DiagnosticSuppressor
{
    private static readonly SuppressionDescriptor Rule = new(
        "RGS0001",
        "IL2026",
        "RelGen reads this data-annotation attribute of a [Model] at compile time and never constructs it at run time.");

    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions => [Rule];

    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            var tree = diagnostic.Location.SourceTree;
            if (tree is null)
                continue;
            var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var attribute = node as AttributeSyntax ?? node.FirstAncestorOrSelf<AttributeSyntax>();
            if (attribute?.Parent?.Parent is not PropertyDeclarationSyntax { Parent: ClassDeclarationSyntax owner })
                continue;
            var model = context.GetSemanticModel(tree);
            var attributeType = model.GetTypeInfo(attribute, context.CancellationToken).Type;
            if (attributeType?.ContainingNamespace?.ToDisplayString() != "System.ComponentModel.DataAnnotations")
                continue;
            if (model.GetDeclaredSymbol(owner, context.CancellationToken) is { } type && type.Has(KnownNames.Model))
                context.ReportSuppression(Suppression.Create(Rule, diagnostic));
        }
    }
}
