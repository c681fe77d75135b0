using System.Collections.Generic;
using System.Linq;
using RelGen.Generator.Model;

namespace RelGen.Generator.Emit;

/// <summary>
/// Writes the model's descriptor holder: a nested internal class with one named, typed field per column and relation, built
/// in its constructor with one getter lambda per column (a setter only where the runtime assigns: key, version, relation
/// key), and the binding the runtime calls (row reader, change-tracking walk, refresh copy, state, lookup), implemented
/// explicitly so no name clashes with the model's properties. Generic runtime code does the rest. One visitor method walks
/// the remembered values instead of two more lambdas per column: the compiler's cost follows the lambdas.
/// </summary>
internal static class DescriptorEmitter
{
    public static void Write(SourceWriter w, ModelEmitSpec spec)
    {
        var model = spec.Model;
        w.Open($"internal sealed class {Names.Descriptor} : __RG.IModelBinding<__M>");
        w.Line($"public static readonly {Names.Descriptor} __I = new();");
        w.Line($"public readonly __RG.ModelDescriptor<__M, {model.Key.Type}> __Descriptor;");
        foreach (var column in model.Columns)
        {
            // Declared after __I, yet read only when a row or a value is converted, by then initialised.
            if (column.Kind == FieldKind.JsonObject)
                w.Line($"internal static readonly global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{column.Type}> {ColumnCode.JsonInfo(column)} = __RG.JsonColumn.TypeInfo<{column.Type}>({column.JsonContext}.Default, {Names.Literal(model.ClassName)}, {Names.Literal(column.Property)});");
        }
        foreach (var column in model.Columns)
            w.Line($"public readonly __RG.Column<__M, {ColumnCode.ValueType(column)}> {Names.Id(column.Property)};");
        for (var i = 0; i < model.Relations.Count; i++)
        {
            if (spec.RelationIsValid[i])
            {
                var r = model.Relations[i];
                w.Line($"public readonly __RG.Relation<__M, {r.TargetType}, {r.TargetKeyType}> {Names.Id(r.Property)};");
            }
        }
        w.Line();
        WriteConstructor(w, spec);
        WriteRead(w, model);
        WriteTrack(w, model);
        WriteCopyColumns(w, model);
        w.Line();
        w.Line("ref __RG.LoadContext? __RG.IModelBinding<__M>.Context(__M e) => ref e.__rgContext;");
        w.Line();
        w.Line("__RQ.ModelLookup __RG.IModelBinding<__M>.CreateLookup(__RQ.RelationPath? p) => new Lookup(p);");
        w.Close();
    }

    private static void WriteConstructor(SourceWriter w, ModelEmitSpec spec)
    {
        var model = spec.Model;
        w.Open($"private {Names.Descriptor}()");
        w.Line($"var b = new __RG.ModelBuilder<__M, {model.Key.Type}>({Names.Literal(model.ClassName)}, {Names.Literal(model.Table)}, this);");
        foreach (var column in model.Columns)
            w.Line($"{Names.Id(column.Property)} = b.{Declare(model, column)};");
        for (var i = 0; i < model.Relations.Count; i++)
        {
            if (!spec.RelationIsValid[i])
                continue;
            var r = model.Relations[i];
            var key = model.Columns[r.ColumnIndex];
            var factory = r.IsNullable && key.IsValueType ? "NullableRelation" : "Relation";
            w.Line($"{Names.Id(r.Property)} = b.{factory}<{r.TargetType}, {r.TargetKeyType}>({Names.Literal(r.Property)}, {Names.Id(key.Property)}, static e => ref e.{r.ObjectField}, {Names.OnDelete}.{r.OnDelete}, {Names.Literal(r.RelatedName)}, {Names.Literal(r.RelatedQueryName)});");
        }
        if (model.Ordering.Count > 0)
        {
            var terms = model.Ordering.Select(o => $"new __RG.OrderingTerm({Names.Id(model.Columns[o.ColumnIndex].Property)}{(o.Descending ? ", true" : "")})");
            w.Line($"b.OrderBy({string.Join(", ", terms)});");
        }
        w.Line("__Descriptor = b.Build();");
        w.Close();
    }

    /// <summary>The factory call declaring one column: the key, a relation's key (a generated field), or a property.</summary>
    private static string Declare(ModelSpec model, ColumnSpec c)
    {
        var head = $"{Names.Literal(c.Property)}, {Names.Literal(c.Column)}, {Names.Literal(c.SqlType)}";
        var options = new List<string>();
        if (c.IsNullable)
            options.Add("nullable: true");
        if (c.MaxLength > 0)
            options.Add("maxLength: " + c.MaxLength);
        if (c.DefaultSql is not null)
            options.Add("defaultSql: " + Names.Literal(c.DefaultSql));
        if (c.ValidatesEmail)
            options.Add("emailAddress: true");
        var tail = options.Count == 0 ? "" : ", " + string.Join(", ", options);
        var property = Names.Id(c.Property);
        if (c == model.Key)
        {
            var set = c.HasSetter ? $"static (e, v) => e.{property} = v" : "null";
            return $"PrimaryKey({head}, static e => e.{property}, {set}, identity: {(model.KeyIsIdentity ? "true" : "false")})";
        }
        if (c.RelationIndex >= 0)
        {
            var field = model.Relations[c.RelationIndex].KeyField;
            return $"RelationKey<{c.DeclaredType}>({head}, static e => ref e.{field}{tail})";
        }
        if (c.IsVersion)
            return $"Version<{c.StoreType}>({head}, static e => e.{property}, {(c.HasSetter ? $"static (e, v) => e.{property} = v" : "null")})";
        return $"Column<{c.DeclaredStoreType}>({head}, static e => {StoredValue(model, c)}{tail})";
    }

    /// <summary>The column's value on object <paramref name="entity"/> as stored: an enum's integer, a <c>[Json]</c> object's text.</summary>
    private static string StoredValue(ModelSpec model, ColumnSpec c, string entity = "e")
    {
        var value = entity + "." + ColumnCode.Member(model, c);
        if (c.Kind == FieldKind.Enum && c.RelationIndex < 0)
            return $"({c.DeclaredStoreType}){value}";
        if (c.Kind == FieldKind.JsonObject)
            return $"__RG.JsonColumn.Write({value}, {ColumnCode.JsonInfo(c)}){(c.IsNullable ? "" : "!")}";
        return value;
    }

    /// <summary>
    /// Hands the visitor every column but the key with its value and remembered loaded value. The parameters are named
    /// <c>__e</c> and <c>__v</c> because the descriptor's fields are reached unqualified and carry the properties' names.
    /// </summary>
    private static void WriteTrack(SourceWriter w, ModelSpec model)
    {
        w.Line();
        w.Open("void __RG.IModelBinding<__M>.Track<V>(__M __e, ref V __v)");
        foreach (var c in model.Columns)
        {
            if (c != model.Key)
                w.Line($"__v.Visit({Names.Id(c.Property)}, {StoredValue(model, c, "__e")}, ref __e.{ColumnCode.Original(c)});");
        }
        w.Close();
    }

    /// <summary>A refresh: every settable column but the key copied from the freshly read object.</summary>
    private static void WriteCopyColumns(SourceWriter w, ModelSpec model)
    {
        w.Line();
        w.Open("void __RG.IModelBinding<__M>.CopyColumns(__M s, __M t)");
        foreach (var c in model.Columns)
        {
            if (c == model.Key || (c.RelationIndex < 0 && !c.HasSetter))
                continue;
            var member = ColumnCode.Member(model, c);
            w.Line($"t.{member} = s.{member};");
        }
        w.Close();
    }

    /// <summary>Reads a row by ordinal with typed getters, remembers the values read, and gives the object its context.</summary>
    private static void WriteRead(SourceWriter w, ModelSpec model)
    {
        w.Line();
        w.Open($"__M __RG.IModelBinding<__M>.Read({Names.Reader} r, int o, __RG.LoadContext c)");
        w.Line("var e = new __M");
        w.Line("{");
        for (var i = 0; i < model.Columns.Count; i++)
        {
            var c = model.Columns[i];
            w.Line($"    {ColumnCode.Member(model, c)} = {ColumnCode.Read(c, i == 0 ? "o" : "o + " + i)},");
        }
        w.Line("    __rgContext = c,");
        w.Line("};");
        foreach (var c in model.Columns)
        {
            if (c != model.Key)
                w.Line($"e.{ColumnCode.Original(c)} = {StoredValue(model, c)};");
        }
        w.Line("return e;");
        w.Close();
    }
}
