using RelGen.Generator.Model;

namespace RelGen.Generator.Emit;

/// <summary>
/// Writes one model's file: the partial class (its RelGen state, relations, entry point, lookup and descriptor), then what
/// each of its relations adds to its target (reverse manager and lookup).
/// </summary>
internal static class ModelEmitter
{
    public static string Emit(ModelEmitSpec spec)
    {
        var model = spec.Model;
        var w = new SourceWriter();
        FileHeader.Write(w);
        w.Line("using __RG = global::RelGen.Metadata;");
        w.Line("using __RQ = global::RelGen.Query;");
        w.Line($"using __M = {model.FullName};");
        w.Line();
        var inNamespace = model.Namespace.Length > 0;
        if (inNamespace)
            w.Open("namespace " + Names.Dotted(model.Namespace));
        w.Open($"partial class {Names.Id(model.ClassName)} : {Names.IModel}<__M>");
        WriteState(w, model);
        if (model.KeyIsGenerated)
        {
            w.Line("/// <summary>The primary key, assigned by the database on insert.</summary>");
            w.Line("public int Id { get; set; }");
            w.Line();
        }
        for (var i = 0; i < model.Relations.Count; i++)
            WriteRelation(w, model, i, spec.RelationIsValid[i]);
        LookupEmitter.Write(w, spec);
        w.Line();
        DescriptorEmitter.Write(w, spec);
        w.Close();
        if (inNamespace)
            w.Close();
        for (var i = 0; i < model.Relations.Count; i++)
        {
            if (spec.ReverseMembers[i])
            {
                w.Line();
                ReverseEmitter.Write(w, model, i);
            }
        }
        return w.ToString();
    }

    /// <summary>Where the object came from, and the values it was loaded or last saved with (change tracking).</summary>
    private static void WriteState(SourceWriter w, ModelSpec model)
    {
        w.Line("private __RG.LoadContext? __rgContext;");
        foreach (var column in model.Columns)
        {
            if (column == model.Key)
                continue;
            var init = column.IsValueType || column.IsNullable ? "" : " = null!";
            w.Line($"private {ColumnCode.ValueType(column)} {ColumnCode.Original(column)}{init};");
        }
        w.Line();
        w.Line($"static __RG.ModelDescriptor<__M> {Names.IModel}<__M>.RelGenModel => {Names.Descriptor}.__I.__Descriptor;");
        w.Line();
        w.Line($"/// <summary>The query set of every {model.ClassName} in <paramref name=\"db\"/>.</summary>");
        w.Line($"public static __RQ.QuerySet<__M, Lookup> Objects({Names.Database} db) => new(db);");
        w.Line();
    }

    /// <summary>
    /// A relation's key starts at its <c>[DefaultValue]</c> (Django's field default), else unset. A required string key (a
    /// target with a string primary key) starts null, which saving reports as "not set".
    /// </summary>
    private static string KeyInitializer(ColumnSpec keyColumn)
    {
        if (keyColumn.DefaultLiteral is not null)
            return " = " + keyColumn.DefaultLiteral;
        return keyColumn.IsValueType || keyColumn.IsNullable ? "" : " = null!";
    }

    /// <summary>
    /// The relation and its key. The getter loads the related object on first read (per the fetch mode of the query that
    /// loaded this object); the setter keeps the key in step. A relation whose target has errors gets plain accessors, so
    /// the target's RG error is the only error.
    /// </summary>
    private static void WriteRelation(SourceWriter w, ModelSpec model, int index, bool valid)
    {
        var relation = model.Relations[index];
        var keyColumn = model.Columns[relation.ColumnIndex];
        var name = Names.Id(relation.Property);
        w.Line($"private {relation.TargetType}? {relation.ObjectField};");
        w.Line($"private {keyColumn.DeclaredType} {relation.KeyField}{KeyInitializer(keyColumn)};");
        w.Line();
        var get = relation.GetAccessor.Length == 0 ? ""
            : valid ? $" {relation.GetAccessor} => {Names.Descriptor}.__I.{name}.Load(this){(relation.IsNullable ? "" : "!")};"
            : $" {relation.GetAccessor} => {relation.ObjectField}{(relation.IsNullable ? "" : "!")};";
        var set = relation.SetAccessor.Length == 0 ? ""
            : valid ? $" {relation.SetAccessor} => {Names.Descriptor}.__I.{name}.Set(this, value);"
            : $" {relation.SetAccessor} => {relation.ObjectField} = value;";
        w.Line($"{relation.Modifiers} partial {relation.DeclaredType} {name} {{{get}{set} }}");
        w.Line();
        w.Line($"/// <summary>The key of <see cref=\"{name}\"/>; setting another value forgets the loaded object.</summary>");
        w.Line($"public {keyColumn.DeclaredType} {Names.Id(keyColumn.Property)} {{ get => {relation.KeyField}; set {{ if ({relation.KeyField} != value) {{ {relation.KeyField} = value; {relation.ObjectField} = null; }} }} }}");
        w.Line();
    }
}
