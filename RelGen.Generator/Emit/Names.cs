using Microsoft.CodeAnalysis.CSharp;

namespace RelGen.Generator.Emit;

/// <summary>Runtime names the emitted code uses, and how identifiers and literals are written.</summary>
internal static class Names
{
    /// <summary>The aliases every model file declares, so the output stays short and still fully qualified.</summary>
    public const string MetadataAlias = "__RG";
    public const string QueryAlias = "__RQ";

    public const string Database = "global::RelGen.RelGenDatabase";
    public const string IModel = "global::RelGen.IModel";
    public const string Descriptor = "__RelGenModel";
    public const string Reader = "global::System.Data.Common.DbDataReader";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string OnDelete = "global::RelGen.OnDelete";

    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>An identifier as C# source: <c>@event</c> for a keyword.</summary>
    public static string Id(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) is SyntaxKind.VarKeyword
            ? "@" + name
            : name;

    /// <summary>A dotted name (a namespace) with each part escaped.</summary>
    public static string Dotted(string name) => string.Join(".", System.Linq.Enumerable.Select(name.Split('.'), Id));
}
