using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace RelGen.Generator.Model;

/// <summary>
/// Links the parsed models: which relations have a valid target, which reverse names clash, and what each model's own file
/// needs to know about that (nothing else of other models, so files re-emit independently).
/// </summary>
internal static class GraphBuilder
{
    public static ModelGraph Build(ImmutableArray<ParseResult> results)
    {
        var models = results.Where(r => r.Model is not null).Select(r => r.Model!)
            .GroupBy(m => m.FullName).Select(g => g.First())
            .OrderBy(m => m.FullName, StringComparer.Ordinal).ToList();
        var byName = models.ToDictionary(m => m.FullName, StringComparer.Ordinal);
        var clashes = new List<ClashSpec>();
        var incoming = models.ToDictionary(m => m.FullName, _ => new List<ReverseSpec>(), StringComparer.Ordinal);
        foreach (var source in models)
        {
            for (var i = 0; i < source.Relations.Count; i++)
            {
                if (incoming.TryGetValue(source.Relations[i].TargetType, out var list))
                    list.Add(new ReverseSpec(source, i, HasMembers: true));
            }
        }

        // Per source model and relation: does the target get the reverse manager and lookup?
        var reverseOk = new HashSet<(string Source, int Relation)>();
        foreach (var model in models)
        {
            foreach (var reverse in CheckNames(model, incoming[model.FullName], clashes))
            {
                if (reverse.HasMembers)
                    reverseOk.Add((reverse.Source.FullName, reverse.RelationIndex));
            }
        }

        var emitSpecs = new List<ModelEmitSpec>();
        foreach (var model in models)
        {
            var valid = model.Relations.Select(r => !r.TargetInSource || byName.ContainsKey(r.TargetType)).ToArray();
            var reverse = model.Relations.Select((r, i) => valid[i] && r.TargetInSource && reverseOk.Contains((model.FullName, i))).ToArray();
            emitSpecs.Add(new ModelEmitSpec(model, new EquatableArray<bool>(valid), new EquatableArray<bool>(reverse)));
        }

        var stubs = results.Where(r => r.Stub is not null).Select(r => r.Stub!)
            .OrderBy(s => s.Namespace + "." + s.ClassName, StringComparer.Ordinal);
        return new ModelGraph(
            new EquatableArray<ModelEmitSpec>(emitSpecs),
            new EquatableArray<StubSpec>(stubs),
            new EquatableArray<ClashSpec>(clashes),
            new EquatableArray<string>(models.Select(m => m.FullName)),
            results.Any(r => r.Model is null));
    }

    /// <summary>Reverse names must be unique on the target and must not hide its own members.</summary>
    private static List<ReverseSpec> CheckNames(ModelSpec target, List<ReverseSpec> incoming, List<ClashSpec> clashes)
    {
        var managerNames = new Dictionary<string, ReverseSpec>(StringComparer.Ordinal);
        var lookupNames = new Dictionary<string, ReverseSpec>(StringComparer.Ordinal);
        var members = new HashSet<string>(target.MemberNames, StringComparer.Ordinal) { "Objects", "Lookup", "__RelGenModel" };
        foreach (var column in target.Columns)
            members.Add(column.Property);
        var lookupMembers = new HashSet<string>(target.Columns.Select(c => c.Property), StringComparer.Ordinal) { "RelGenPath", "RelGenForward", "RelGenReverse", "__D", "In", "IsNull" };
        foreach (var relation in target.Relations)
            lookupMembers.Add(relation.Property);

        var result = new List<ReverseSpec>();
        foreach (var reverse in incoming.OrderBy(r => r.Source.FullName, StringComparer.Ordinal).ThenBy(r => r.Relation.Property, StringComparer.Ordinal))
        {
            var relation = reverse.Relation;
            var source = reverse.Source;
            var ok = true;
            if (managerNames.TryGetValue(relation.RelatedName, out var first))
            {
                clashes.Add(Clash(source, relation, "RG0005", source.ClassName, relation.Property, target.ClassName, "manager", relation.RelatedName, first.Source.ClassName + "." + first.Relation.Property, "RelatedName"));
                ok = false;
            }
            else if (lookupNames.TryGetValue(relation.RelatedQueryName, out first))
            {
                clashes.Add(Clash(source, relation, "RG0005", source.ClassName, relation.Property, target.ClassName, "lookup", relation.RelatedQueryName, first.Source.ClassName + "." + first.Relation.Property, "RelatedQueryName"));
                ok = false;
            }
            else if (members.Contains(relation.RelatedName) || members.Contains(relation.RelatedName + "Manager"))
            {
                clashes.Add(Clash(source, relation, "RG0006", relation.RelatedName, target.ClassName, "the reverse manager of relation '" + source.ClassName + "." + relation.Property + "'", "; or set RelatedName on the relation"));
                ok = false;
            }
            else if (lookupMembers.Contains(relation.RelatedQueryName))
            {
                clashes.Add(Clash(source, relation, "RG0006", relation.RelatedQueryName, target.ClassName + ".Lookup", "the reverse lookup of relation '" + source.ClassName + "." + relation.Property + "'", "; or set RelatedQueryName on the relation"));
                ok = false;
            }
            if (ok)
            {
                managerNames[relation.RelatedName] = reverse;
                lookupNames[relation.RelatedQueryName] = reverse;
                members.Add(relation.RelatedName);
                members.Add(relation.RelatedName + "Manager");
                lookupMembers.Add(relation.RelatedQueryName);
            }
            result.Add(ok ? reverse : reverse with { HasMembers = false });
        }
        return result;
    }

    private static ClashSpec Clash(ModelSpec source, RelationSpec relation, string id, params string[] arguments)
        => new(source.Namespace.Length == 0 ? source.ClassName : source.Namespace + "." + source.ClassName, relation.Property, id, new EquatableArray<string>(arguments));
}
