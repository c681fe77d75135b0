using RelGen.Generator.Model;

namespace RelGen.Generator.Emit;

/// <summary>Writes one model's file: the partial class with its relations, key, entry point and reverse managers, plus its lookup and metadata types.</summary>
internal static class ModelEmitter
{
    public static string Emit(ModelEmitSpec spec)
    {
        var model = spec.Model;
        var w = new SourceWriter();
        FileHeader.Write(w);
        var inNamespace = model.Namespace.Length > 0;
        if (inNamespace)
            w.Open("namespace " + model.Namespace);
        w.Open($"partial class {model.ClassName} : global::RelGen.IModel<{model.FullName}>");
        WriteState(w, model);
        if (model.KeyIsGenerated)
        {
            w.Line("/// <summary>The primary key, assigned by the database on insert.</summary>");
            w.Line("public int Id { get; set; }");
            w.Line();
        }
        for (var i = 0; i < model.Relations.Count; i++)
            WriteRelation(w, model, i, spec.RelationIsValid[i]);
        foreach (var reverse in spec.Reverse)
        {
            if (reverse.HasMembers)
                ManagerEmitter.Write(w, model, reverse);
        }
        LookupEmitter.Write(w, spec);
        MetadataEmitter.Write(w, spec);
        w.Close();
        if (inNamespace)
            w.Close();
        return w.ToString();
    }

    private static void WriteState(SourceWriter w, ModelSpec model)
    {
        var full = model.FullName;
        w.Line($"private {Names.Database}? __relgenDatabase;");
        w.Line($"private {Names.Extras}? __relgenExtras;");
        w.Line();
        w.Line($"{Names.Database}? {Names.IModel}.RelGenDatabase {{ get => __relgenDatabase; set => __relgenDatabase = value; }}");
        w.Line();
        w.Line($"{Names.Extras}? {Names.IModel}.RelGenExtras {{ get => __relgenExtras; set => __relgenExtras = value; }}");
        w.Line();
        w.Line($"static {Names.ModelMeta}<{full}> global::RelGen.IModel<{full}>.Meta => Metadata.Instance;");
        w.Line();
        w.Line($"/// <summary>The query set of every {model.ClassName} in <paramref name=\"db\"/>.</summary>");
        w.Line($"public static {Names.QuerySet}<{full}, {full}.Lookup> Objects({Names.Database} db)");
        w.Line($"    => new(db, {full}.Lookup.RelGenRoot);");
        w.Line();
    }

    /// <summary>
    /// A relation's key starts at its <c>[DefaultValue]</c> (Django's field default), else unset. A required string key
    /// (a target with a string primary key) starts null, which <c>PrepareSave</c> reports as "not set".
    /// </summary>
    private static string KeyInitializer(ColumnSpec keyColumn)
    {
        if (keyColumn.DefaultLiteral is not null)
            return " = " + keyColumn.DefaultLiteral;
        return keyColumn.IsValueType || keyColumn.IsNullable ? "" : " = null!";
    }

    /// <summary>
    /// The relation and its key. A relation whose target has errors (<paramref name="valid"/> false) gets plain
    /// accessors that neither load nor read the target's key, but keeps both members and backing fields, which
    /// the metadata refers to: the target's RG error is then the only error.
    /// </summary>
    private static void WriteRelation(SourceWriter w, ModelSpec model, int index, bool valid)
    {
        var relation = model.Relations[index];
        var keyColumn = model.Columns[relation.ColumnIndex];
        var keyType = keyColumn.DeclaredType;
        w.Line($"private {relation.TargetType}? {relation.ObjectField};");
        w.Line($"private {keyType} {relation.KeyField}{KeyInitializer(keyColumn)};");
        w.Line();
        w.Open($"{relation.Modifiers} partial {relation.DeclaredType} {relation.Property}");
        if (valid)
        {
            WriteLoadingAccessors(w, model, index);
        }
        else
        {
            if (relation.GetAccessor.Length > 0)
                w.Line($"{relation.GetAccessor} => {relation.ObjectField}{(relation.IsNullable ? "" : "!")};");
            if (relation.SetAccessor.Length > 0)
                w.Line($"{relation.SetAccessor} => {relation.ObjectField} = value;");
        }
        w.Close();
        w.Line();
        w.Line($"/// <summary>The key of <see cref=\"{relation.Property}\"/>; setting it to another value forgets the loaded object.</summary>");
        w.Open($"public {keyType} {keyColumn.Property}");
        w.Line($"get => {relation.KeyField};");
        w.Open("set");
        w.Open($"if (!global::System.Collections.Generic.EqualityComparer<{keyType}>.Default.Equals({relation.KeyField}, value))");
        w.Line($"{relation.KeyField} = value;");
        w.Line($"{relation.ObjectField} = null;");
        w.Close();
        w.Close();
        w.Close();
        w.Line();
    }

    /// <summary>The declared accessors: a getter that loads the related object on first access, a setter that keeps the key in step.</summary>
    private static void WriteLoadingAccessors(SourceWriter w, ModelSpec model, int index)
    {
        var relation = model.Relations[index];
        var keyColumn = model.Columns[relation.ColumnIndex];
        var load = $"{Names.Loader}.Load<{model.FullName}, {relation.TargetType}, {keyColumn.Type}>(this, ";
        var get = relation.GetAccessor;
        if (get.Length > 0)
        {
            w.Line(relation.IsNullable
                ? $"{get} => {relation.ObjectField} ?? ({relation.KeyField} is {{ }} __key ? {relation.ObjectField} = {load}__key, Metadata.Instance.Relations[{index}]) : null);"
                : $"{get} => {relation.ObjectField} ??= {load}{relation.KeyField}, Metadata.Instance.Relations[{index}]);");
        }
        if (relation.SetAccessor.Length == 0)
            return;
        w.Open(relation.SetAccessor);
        w.Line($"{relation.ObjectField} = value;");
        w.Line($"{relation.KeyField} = value is null ? default({keyColumn.DeclaredType}){(IsNonNullableReference(keyColumn) ? "!" : "")} : value.{relation.TargetKeyProperty};");
        w.Close();
    }

    private static bool IsNonNullableReference(ColumnSpec column) => !column.IsValueType && !column.IsNullable;
}
