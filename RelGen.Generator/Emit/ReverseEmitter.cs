using System.Collections.Generic;
using RelGen.Generator.Model;
using RelGen.Generator.Parsing;

namespace RelGen.Generator.Emit;

/// <summary>
/// Writes what a relation adds to its target, in the source model's own file (so the target's file never depends on the
/// models pointing at it): the reverse manager (<c>reporter.ArticleSet</c>) with a typed <c>CreateAsync</c>, and the
/// reverse lookup (<c>r =&gt; r.Article</c>).
/// </summary>
internal static class ReverseEmitter
{
    public static void Write(SourceWriter w, ModelSpec source, int relationIndex)
    {
        var relation = source.Relations[relationIndex];
        var target = relation.TargetType;
        var manager = relation.RelatedName + "Manager";
        var baseType = relation.IsNullable ? "__RQ.NullableRelatedManager" : "__RQ.RelatedManager";
        // An internal source model makes its manager internal too: a public one would expose it.
        var access = source.Accessibility;
        var descriptor = $"__M.{Names.Descriptor}.__I.{Names.Id(relation.Property)}";
        var inNamespace = relation.TargetNamespace.Length > 0;
        if (inNamespace)
            w.Open("namespace " + Names.Dotted(relation.TargetNamespace));
        w.Open("partial class " + Names.Id(relation.TargetClass));
        w.Line($"/// <summary>The {source.ClassName} objects whose {relation.Property} is this {relation.TargetClass}.</summary>");
        w.Line($"{access} {target}.{manager} {Names.Id(relation.RelatedName)} => new(this);");
        w.Line();
        w.Line($"/// <summary>The reverse manager of <see cref=\"{source.FullName}.{Names.Id(relation.Property)}\"/>.</summary>");
        w.Open($"{access} sealed class {manager} : {baseType}<{target}, __M, __M.Lookup>");
        w.Line($"internal {manager}({target} owner) : base(owner, {descriptor}) {{ }}");
        if (source.HasParameterlessConstructor)
            WriteCreate(w, source, relationIndex);
        w.Close();
        w.Line();
        w.Open("partial class Lookup");
        w.Line($"{access} __M.Lookup {Names.Id(relation.RelatedQueryName)} => (__M.Lookup)RelGenReverse({descriptor});");
        w.Close();
        w.Close();
        if (inNamespace)
            w.Close();
    }

    /// <summary>
    /// The typed <c>CreateAsync</c>: one parameter per column but the key and this relation, in declaration order. Trailing
    /// parameters that need no value (nullable, <c>[DefaultValue]</c>, an initial value) are optional; an optional one for a
    /// column with an initial value keeps that value when left null.
    /// </summary>
    private static void WriteCreate(SourceWriter w, ModelSpec source, int relationIndex)
    {
        var parameters = new List<Parameter>();
        foreach (var column in source.Columns)
        {
            // The version starts where the object's initial value puts it; every UPDATE moves it on. A setter only the model
            // (or its base) may call (private, protected) cannot be set from here: the column keeps its initial value.
            if (column == source.Key || column.RelationIndex == relationIndex || column.IsVersion || (column.RelationIndex < 0 && !column.IsAssignable))
                continue;
            // Another relation is passed as the object when this code may assign it, else as its key.
            if (column.RelationIndex >= 0 && source.Relations[column.RelationIndex].IsAssignable)
            {
                var other = source.Relations[column.RelationIndex];
                parameters.Add(new Parameter(other.Property, other.DeclaredType, other.IsNullable, null, false));
            }
            else
            {
                parameters.Add(new Parameter(column.Property, column.DeclaredType, column.IsNullable, column.DefaultLiteral,
                    column.HasInitializer && column.HasSetter && !column.IsNullable && column.DefaultLiteral is null));
            }
        }
        // Optional only where every later parameter is optional too, so positional calls follow the declaration order.
        var optionalFrom = parameters.Count;
        while (optionalFrom > 0 && parameters[optionalFrom - 1].CanBeOmitted)
            optionalFrom--;
        var names = new HashSet<string>();
        foreach (var p in parameters)
            names.Add(Naming.Parameter(p.Member));
        var token = names.Contains("cancellationToken") ? "relgenCancellationToken" : "cancellationToken";

        var signature = new List<string>();
        var assigned = new List<string>();
        var later = new List<string>();
        for (var i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            var name = Naming.Parameter(p.Member);
            var optional = i >= optionalFrom;
            if (optional && p.KeepsInitialValue)
            {
                signature.Add($"{p.Type}? {name} = null");
                later.Add($"if ({name} is {{ }} __{i}) __o.{Names.Id(p.Member)} = __{i};");
            }
            else
            {
                signature.Add(optional ? $"{p.Type} {name} = {p.DefaultLiteral ?? "default"}" : $"{p.Type} {name}");
                assigned.Add($"{Names.Id(p.Member)} = {name}");
            }
        }
        signature.Add($"{Names.CancellationToken} {token} = default");

        w.Line();
        w.Line($"/// <summary>Creates a new {source.ClassName} pointing at the owner, inserts it and returns it.</summary>");
        for (var i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            var note = i >= optionalFrom && p.KeepsInitialValue ? " (null keeps its initial value)" : "";
            w.Line($"/// <param name=\"{Naming.Parameter(p.Member).TrimStart('@')}\">{source.ClassName}.{p.Member}{note}.</param>");
        }
        w.Line($"/// <param name=\"{token}\">Cancels the insert.</param>");
        w.Open($"public {Names.Task}<__M> CreateAsync({string.Join(", ", signature)})");
        w.Line($"var __o = new __M {{ {string.Join(", ", assigned)} }};");
        foreach (var line in later)
            w.Line(line);
        w.Line($"return CreateAsync(__o, {token});");
        w.Close();
    }

    /// <param name="Member">The property assigned.</param>
    /// <param name="Type">The parameter's type as declared.</param>
    /// <param name="IsNullable">Null is a value the column takes.</param>
    /// <param name="DefaultLiteral">The <c>[DefaultValue]</c> as C#.</param>
    /// <param name="KeepsInitialValue">A non-nullable column with an initial value: optional as a nullable parameter.</param>
    private sealed record Parameter(string Member, string Type, bool IsNullable, string? DefaultLiteral, bool KeepsInitialValue)
    {
        public bool CanBeOmitted => IsNullable || DefaultLiteral is not null || KeepsInitialValue;
    }
}
