using RelGen.Generator.Model;

namespace RelGen.Generator.Emit;

/// <summary>
/// Writes the model's lookup type: what a <c>Filter</c> lambda receives. One typed field per column, one lookup per forward
/// relation (reverse lookups are added to this partial class by the files of the models pointing here).
/// </summary>
internal static class LookupEmitter
{
    public static void Write(SourceWriter w, ModelEmitSpec spec)
    {
        var model = spec.Model;
        w.Line($"/// <summary>The lookups of {model.ClassName}, as a <c>Filter</c> lambda sees them.</summary>");
        w.Open($"public sealed partial class Lookup : __RQ.ModelLookup<__M, {model.Key.Type}>");
        w.Line($"private static {Names.Descriptor} __D => {Names.Descriptor}.__I;");
        w.Line();
        w.Line("internal Lookup(__RQ.RelationPath? p) : base(p) { }");
        foreach (var column in model.Columns)
        {
            w.Line();
            var json = column.Kind == FieldKind.JsonObject ? $", {Names.Descriptor}.{ColumnCode.JsonInfo(column)}" : "";
            w.Line($"public {ColumnCode.FieldType(column)} {Names.Id(column.Property)} => new(RelGenPath, __D.{Names.Id(column.Property)}{json});");
        }
        for (var i = 0; i < model.Relations.Count; i++)
        {
            if (!spec.RelationIsValid[i])
                continue;
            var r = model.Relations[i];
            w.Line();
            w.Line($"{r.TargetAccessibility} {r.TargetType}.Lookup {Names.Id(r.Property)} => ({r.TargetType}.Lookup)RelGenForward(__D.{Names.Id(r.Property)});");
        }
        w.Close();
    }
}
