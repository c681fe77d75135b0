using System.Collections.Generic;
using System.Linq;
using RelGen.Generator.Model;

namespace RelGen.Generator.Emit;

/// <summary>Writes the model's metadata type: table, columns, relations, ordering, and the typed row reader and parameter writers.</summary>
internal static class MetadataEmitter
{
    public static void Write(SourceWriter w, ModelEmitSpec spec)
    {
        var model = spec.Model;
        var full = model.FullName;
        w.Line(Names.Browsable);
        w.Open($"public sealed class Metadata : {Names.ModelMeta}<{full}>");
        w.Line("public static readonly Metadata Instance = new();");
        w.Line();
        WriteConstructor(w, spec);
        WriteRead(w, model);
        WriteBinders(w, model);
        WriteKeyMembers(w, model);
        WriteRelationMembers(w, spec);
        WritePrepareSave(w, spec);
        w.Close();
    }

    private static void WriteConstructor(SourceWriter w, ModelEmitSpec spec)
    {
        var model = spec.Model;
        w.Line("private Metadata()");
        w.Line($"    : base({Names.Literal(model.ClassName)}, {Names.Literal(model.Table)},");
        w.Line($"        new {Names.ColumnMeta}[]");
        w.Line("        {");
        for (var i = 0; i < model.Columns.Count; i++)
        {
            var c = model.Columns[i];
            var isKey = i == model.KeyIndex;
            var defaultSql = c.DefaultSql is null ? "null" : Names.Literal(c.DefaultSql);
            w.Line($"            new({Names.Literal(c.Property)}, {Names.Literal(c.Column)}, {Names.Literal(c.SqlType)}, {Names.Bool(c.IsNullable)}, {c.MaxLength}, {Names.Bool(isKey)}, {Names.Bool(isKey && model.KeyIsIdentity)}, {defaultSql}),");
        }
        w.Line("        },");
        w.Line($"        {model.KeyIndex},");
        w.Line($"        new {Names.RelationMeta}[]");
        w.Line("        {");
        for (var i = 0; i < model.Relations.Count; i++)
        {
            var r = model.Relations[i];
            var target = spec.RelationIsValid[i] ? $"static () => {r.TargetType}.Metadata.Instance" : "static () => throw new global::System.InvalidOperationException()";
            w.Line($"            new({Names.Literal(r.Property)}, {r.ColumnIndex}, {target}, {Names.OnDelete}.{r.OnDelete}, {Names.Literal(r.RelatedName)}, {Names.Literal(r.RelatedQueryName)}, {Names.Bool(r.IsNullable)}),");
        }
        w.Line("        },");
        var ordering = string.Join(", ", model.Ordering.Select(o => $"new({o.ColumnIndex}, {Names.Bool(o.Descending)})"));
        w.Line($"        new {Names.OrderingTerm}[] {{ {ordering} }},");
        var reverse = string.Join(", ", spec.Reverse.Select(r => $"{r.Source.FullName}.Metadata.Instance.Relations[{r.RelationIndex}]"));
        w.Line($"        static () => new {Names.RelationMeta}[] {{ {reverse} }})");
        w.Line("{");
        w.Line("}");
    }

    private static void WriteRead(SourceWriter w, ModelSpec model)
    {
        w.Line();
        w.Open($"public override {model.FullName} Read({Names.Reader} reader, int offset) => new {model.FullName}");
        for (var i = 0; i < model.Columns.Count; i++)
        {
            var c = model.Columns[i];
            var member = c.RelationIndex >= 0 ? model.Relations[c.RelationIndex].KeyField : c.Property;
            w.Line($"{member} = {ColumnCode.Read(c, i == 0 ? "offset" : "offset + " + i)},");
        }
        w.Close(";");
    }

    private static void WriteBinders(SourceWriter w, ModelSpec model)
    {
        var full = model.FullName;
        var all = model.Columns.ToList();
        var written = all.Where((c, i) => !(i == model.KeyIndex && model.KeyIsIdentity)).ToList();
        var others = all.Where((c, i) => i != model.KeyIndex).ToList();
        WriteBinder(w, model, "AddInsertParameters", written);
        WriteBinder(w, model, "AddAllParameters", all);
        WriteBinder(w, model, "AddUpdateParameters", others.Concat([model.Key]).ToList());
        WriteBinder(w, model, "AddKeyParameter", [model.Key]);
        w.Line();
        w.Open($"public override void WriteRow({full} entity, {Names.Importer} importer)");
        foreach (var c in all)
            w.Line(ColumnCode.Copy(ColumnCode.Access(model, c, "entity"), c));
        w.Close();
    }

    private static void WriteBinder(SourceWriter w, ModelSpec model, string name, List<ColumnSpec> columns)
    {
        w.Line();
        w.Open($"public override void {name}({model.FullName} entity, {Names.Parameters} parameters)");
        foreach (var c in columns)
            w.Line(ColumnCode.Bind(ColumnCode.Access(model, c, "entity"), c));
        w.Close();
    }

    private static void WriteKeyMembers(SourceWriter w, ModelSpec model)
    {
        var full = model.FullName;
        var key = model.Key;
        var keyType = key.Type;
        w.Line();
        w.Open($"public override void AddKeyArrayParameter(global::System.Collections.Generic.IReadOnlyList<{full}> entities, {Names.Parameters} parameters)");
        w.Line($"var keys = new {keyType}[entities.Count];");
        w.Line("for (var i = 0; i < keys.Length; i++)");
        w.Line($"    keys[i] = entities[i].{key.Property};");
        w.Line($"{Names.Param}.Add(parameters, keys);");
        w.Close();
        w.Line();
        w.Open($"public override {Names.Parameter} CreateKeyArrayParameter(global::System.Collections.Generic.IReadOnlyList<object> keys)");
        w.Line($"var values = new {keyType}[keys.Count];");
        w.Line("for (var i = 0; i < values.Length; i++)");
        w.Line($"    values[i] = ({keyType})keys[i];");
        w.Line($"return new {Names.Parameter}<{keyType}[]> {{ TypedValue = values }};");
        w.Close();
        w.Line();
        w.Line($"public override void ReadKey({full} entity, {Names.Reader} reader, int ordinal) => entity.{key.Property} = {ColumnCode.Read(key, "ordinal")};");
        w.Line();
        w.Line($"public override void ResetKey({full} entity) => entity.{key.Property} = default!;");
        w.Line();
        w.Line(model.KeyIsIdentity
            ? $"public override bool IsSaved({full} entity) => entity.{key.Property} != 0;"
            : $"public override bool IsSaved({full} entity) => entity.__relgenDatabase is not null;");
        w.Line();
        w.Line($"public override object GetKey({full} entity) => entity.{key.Property};");
    }

    private static void WriteRelationMembers(SourceWriter w, ModelEmitSpec spec)
    {
        var model = spec.Model;
        var full = model.FullName;
        w.Line();
        w.Open($"public override object? GetRelationKey({full} entity, int relationIndex) => relationIndex switch");
        for (var i = 0; i < model.Relations.Count; i++)
            w.Line($"{i} => entity.{model.Relations[i].KeyField},");
        w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(relationIndex)),");
        w.Close(";");
        w.Line();
        w.Open("public override object? GetRelated(object entity, int relationIndex) => relationIndex switch");
        for (var i = 0; i < model.Relations.Count; i++)
            w.Line($"{i} => (({full})entity).{model.Relations[i].ObjectField},");
        w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(relationIndex)),");
        w.Close(";");
        w.Line();
        w.Open("public override void SetRelated(object entity, int relationIndex, object? related)");
        w.Line($"var e = ({full})entity;");
        w.Open("switch (relationIndex)");
        for (var i = 0; i < model.Relations.Count; i++)
        {
            var r = model.Relations[i];
            var keyType = model.Columns[r.ColumnIndex].DeclaredType;
            w.Line($"case {i}:");
            w.Line($"    e.{r.ObjectField} = ({r.TargetType}?)related;");
            if (spec.RelationIsValid[i])
            {
                w.Line(r.IsNullable
                    ? $"    e.{r.KeyField} = related is null ? default({keyType}) : (({r.TargetType})related).{r.TargetKeyProperty};"
                    : $"    if (related is not null) e.{r.KeyField} = (({r.TargetType})related).{r.TargetKeyProperty};");
            }
            w.Line("    break;");
        }
        w.Line("default:");
        w.Line("    throw new global::System.ArgumentOutOfRangeException(nameof(relationIndex));");
        w.Close();
        w.Close();
    }

    private static void WritePrepareSave(SourceWriter w, ModelEmitSpec spec)
    {
        var model = spec.Model;
        var name = Names.Literal(model.ClassName);
        w.Line();
        w.Open($"public override void PrepareSave({model.FullName} entity)");
        for (var i = 0; i < model.Columns.Count; i++)
        {
            var c = model.Columns[i];
            if (c.RelationIndex >= 0)
                continue;
            if (c.Kind == FieldKind.String)
                w.Line($"{Names.Check}.String(entity.{c.Property}, {name}, {Names.Literal(c.Property)}, {c.MaxLength}, {Names.Bool(c.IsNullable)});");
            else if (c.Kind == FieldKind.Bytes && !c.IsNullable)
                w.Line($"{Names.Check}.NotNull(entity.{c.Property}, {name}, {Names.Literal(c.Property)});");
        }
        for (var i = 0; i < model.Relations.Count; i++)
        {
            if (!spec.RelationIsValid[i])
                continue;
            var r = model.Relations[i];
            var keyType = model.Columns[r.ColumnIndex].Type;
            w.Open($"if (entity.{r.ObjectField} is {{ }} __related{i})");
            w.Line($"if (!{r.TargetType}.Metadata.Instance.IsSaved(__related{i}))");
            w.Line($"    {Names.Check}.ThrowUnsavedRelated({name}, {Names.Literal(r.Property)}, __related{i});");
            w.Line($"entity.{r.KeyField} = __related{i}.{r.TargetKeyProperty};");
            w.Close();
            if (!r.IsNullable)
            {
                w.Line($"else if (global::System.Collections.Generic.EqualityComparer<{keyType}>.Default.Equals(entity.{r.KeyField}, default!))");
                w.Line($"    {Names.Check}.ThrowRelationNotSet({name}, {Names.Literal(r.Property)});");
            }
        }
        w.Close();
    }
}
