using RelGen.Generator.Model;

namespace RelGen.Generator.Emit;

/// <summary>
/// Writes the model's lookup type: what a <c>Filter</c> lambda receives. One typed field per column, one
/// lookup per forward and reverse relation (created on first use, so cycles nest to any depth).
/// </summary>
internal static class LookupEmitter
{
    public static void Write(SourceWriter w, ModelEmitSpec spec)
    {
        var model = spec.Model;
        var full = model.FullName;
        w.Line($"/// <summary>The lookups of {model.ClassName}, as a <c>Filter</c> lambda sees them.</summary>");
        w.Open($"public sealed class Lookup : {Names.ModelLookup}<{full}, {model.Key.Type}>");
        w.Line(Names.Browsable);
        w.Line("public static readonly Lookup RelGenRoot = new(null);");
        w.Line();
        w.Line(Names.Browsable);
        w.Line($"public Lookup({Names.RelationPath}? path) : base(path) {{ }}");
        w.Line();
        w.Line(Names.Browsable);
        w.Line($"protected override {model.Key.Type} RelGenKeyOf({full} model) => model.{model.Key.Property};");
        for (var i = 0; i < model.Columns.Count; i++)
        {
            var column = model.Columns[i];
            var type = ColumnCode.FieldType(column);
            w.Line();
            w.Line($"private {type}? __c{i};");
            w.Line($"public {type} {column.Property} => __c{i} ??= new(RelGenColumn({i}));");
        }
        for (var i = 0; i < model.Relations.Count; i++)
        {
            if (!spec.RelationIsValid[i])
                continue;
            var relation = model.Relations[i];
            w.Line();
            w.Line($"private {relation.TargetType}.Lookup? __f{i};");
            w.Line($"{relation.TargetAccessibility} {relation.TargetType}.Lookup {relation.Property} => __f{i} ??= new(RelGenForward({i}));");
        }
        for (var i = 0; i < spec.Reverse.Count; i++)
        {
            var reverse = spec.Reverse[i];
            if (!reverse.HasMembers)
                continue;
            var source = reverse.Source.FullName;
            w.Line();
            w.Line($"private {source}.Lookup? __r{i};");
            w.Line($"{reverse.Source.Accessibility} {source}.Lookup {reverse.Relation.RelatedQueryName} => __r{i} ??= new(RelGenReverse({source}.Metadata.Instance.Relations[{reverse.RelationIndex}]));");
        }
        w.Close();
        w.Line();
    }
}
