using RelGen.Metadata;

namespace RelGen.Schema;

/// <summary>The DDL <c>DropTablesAsync</c> runs (creating tables is <see cref="SchemaCreator"/>'s, with the generator's DDL).</summary>
internal static class SchemaSql
{
    public static string Drop(IReadOnlyList<ModelDescriptor> models)
        => "DROP TABLE IF EXISTS " + string.Join(", ", models.Select(m => m.QuotedTable).Distinct()) + " CASCADE";
}
