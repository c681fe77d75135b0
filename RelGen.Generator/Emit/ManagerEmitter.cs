using System.Collections.Generic;
using RelGen.Generator.Model;
using RelGen.Generator.Parsing;

namespace RelGen.Generator.Emit;

/// <summary>Writes a reverse manager on the target model: the property (<c>ArticleSet</c>) and its nested type with a typed <c>CreateAsync</c>.</summary>
internal static class ManagerEmitter
{
    public static void Write(SourceWriter w, ModelSpec owner, ReverseSpec reverse)
    {
        var source = reverse.Source;
        var relation = reverse.Relation;
        var manager = relation.RelatedName + "Manager";
        var baseType = relation.IsNullable ? "global::RelGen.Query.NullableRelatedManager" : "global::RelGen.Query.RelatedManager";
        // An internal source model makes its manager internal too: a public one would expose it.
        var access = source.Accessibility;
        w.Line($"/// <summary>The {source.ClassName} objects whose {relation.Property} is this {owner.ClassName}.</summary>");
        w.Line($"{access} {owner.FullName}.{manager} {relation.RelatedName} => new(this);");
        w.Line();
        w.Line($"/// <summary>The reverse manager of <see cref=\"{source.FullName}.{relation.Property}\"/>.</summary>");
        w.Open($"{access} sealed class {manager} : {baseType}<{owner.FullName}, {source.FullName}, {source.FullName}.Lookup>");
        w.Line($"internal {manager}({owner.FullName} owner)");
        w.Line($"    : base(owner, {source.FullName}.Metadata.Instance.Relations[{reverse.RelationIndex}], {source.FullName}.Lookup.RelGenRoot, static (lookup, o) => lookup.{relation.Property} == o)");
        w.Line("{");
        w.Line("}");
        if (source.HasParameterlessConstructor)
            WriteCreate(w, source, reverse.RelationIndex);
        w.Close();
        w.Line();
    }

    private static void WriteCreate(SourceWriter w, ModelSpec source, int relationIndex)
    {
        var required = new List<string>();
        var optional = new List<string>();
        var assignments = new List<string>();
        foreach (var column in source.Columns)
        {
            if (column.Property == source.Key.Property || column.RelationIndex == relationIndex)
                continue;
            string type, member;
            bool nullable;
            string? defaultLiteral;
            // Another relation is passed as the object when this code may assign it, else as its key.
            if (column.RelationIndex >= 0 && source.Relations[column.RelationIndex].IsAssignable)
            {
                var other = source.Relations[column.RelationIndex];
                (type, member, nullable, defaultLiteral) = (other.DeclaredType, other.Property, other.IsNullable, null);
            }
            else
            {
                (type, member, nullable, defaultLiteral) = (column.DeclaredType, column.Property, column.IsNullable, column.DefaultLiteral);
            }
            var name = Naming.Parameter(member);
            if (name == "cancellationToken")
                continue;
            assignments.Add($"{member} = {name}");
            if (defaultLiteral is not null)
                optional.Add($"{type} {name} = {defaultLiteral}");
            else if (nullable)
                optional.Add($"{type} {name} = null");
            else
                required.Add($"{type} {name}");
        }
        var parameters = new List<string>(required);
        parameters.AddRange(optional);
        parameters.Add($"{Names.CancellationToken} cancellationToken = default");
        w.Line();
        w.Line($"/// <summary>Creates a new {source.ClassName} pointing at the owner, inserts it and returns it.</summary>");
        w.Line($"public {Names.Task}<{source.FullName}> CreateAsync({string.Join(", ", parameters)})");
        w.Line($"    => CreateAsync(new {source.FullName} {{ {string.Join(", ", assignments)} }}, cancellationToken);");
    }
}
