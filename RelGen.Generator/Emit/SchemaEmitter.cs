using RelGen.Generator.Model;

namespace RelGen.Generator.Emit;

/// <summary>
/// Writes the assembly's schema: <c>[assembly: SchemaSnapshotAttribute("…")]</c>, which <c>dotnet relgen migrations add</c>
/// reads from the built file, and a module initializer that registers the DDL of this assembly's own tables for
/// <c>CreateTablesAsync</c>. One file per assembly, so the per-model files stay the size they were.
/// </summary>
internal static class SchemaEmitter
{
    public static string Emit(SchemaOutputSpec schema)
    {
        var w = new SourceWriter();
        FileHeader.Write(w);
        w.Line($"[assembly: global::RelGen.Metadata.SchemaSnapshotAttribute({Names.Literal(schema.Json!)})]");
        if (schema.Tables.Count == 0)
            return w.ToString();
        w.Line();
        w.Open("namespace RelGen.Generated");
        w.Open("internal static class RelGenSchemaRegistration");
        w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        w.Open("internal static void Register()");
        w.Line("global::RelGen.Metadata.SchemaRegistry.Register(");
        for (var i = 0; i < schema.Tables.Count; i++)
        {
            var table = schema.Tables[i];
            var arguments = Names.Literal(table.Table) + ", " + Names.Literal(table.Create);
            foreach (var statement in table.After)
                arguments += ", " + Names.Literal(statement);
            w.Line($"    new global::RelGen.Metadata.TableSchema({arguments}){(i == schema.Tables.Count - 1 ? ");" : ",")}");
        }
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }
}
