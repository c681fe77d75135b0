namespace RelGen.Generator.Emit;

/// <summary>Fully qualified runtime names the emitted code uses.</summary>
internal static class Names
{
    public const string Database = "global::RelGen.RelGenDatabase";
    public const string Extras = "global::RelGen.EntityExtras";
    public const string IModel = "global::RelGen.IModel";
    public const string QuerySet = "global::RelGen.Query.QuerySet";
    public const string RelationPath = "global::RelGen.Query.RelationPath";
    public const string ModelLookup = "global::RelGen.Query.ModelLookup";
    public const string ModelMeta = "global::RelGen.Schema.ModelMeta";
    public const string ColumnMeta = "global::RelGen.Schema.ColumnMeta";
    public const string RelationMeta = "global::RelGen.Schema.RelationMeta";
    public const string OrderingTerm = "global::RelGen.Schema.OrderingTerm";
    public const string Param = "global::RelGen.Schema.Param";
    public const string Check = "global::RelGen.Save.Check";
    public const string Loader = "global::RelGen.Loading.RelationLoader";
    public const string Reader = "global::System.Data.Common.DbDataReader";
    public const string Parameters = "global::Npgsql.NpgsqlParameterCollection";
    public const string Parameter = "global::Npgsql.NpgsqlParameter";
    public const string Importer = "global::Npgsql.NpgsqlBinaryImporter";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string Browsable = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";
    public const string OnDelete = "global::RelGen.OnDelete";

    public static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Bool(bool value) => value ? "true" : "false";
}
