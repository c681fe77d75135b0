using System;
using System.Collections.Generic;
using System.Linq;
using RelGen.Generator.Diagnostics;

namespace RelGen.Generator.Model;

/// <summary>
/// The Citus checks that need two models: what a relation may point at (Citus allows foreign keys from distributed tables to
/// reference tables, between reference tables and between reference and local tables; between distributed tables only when
/// the key includes both distribution columns, which needs composite keys RelGen does not have yet), and what
/// <c>ColocateWith</c> may name. Models of referenced assemblies are not checked: their specs are not here.
/// </summary>
internal static class CitusRules
{
    public static void Check(IReadOnlyList<ModelSpec> models, IReadOnlyDictionary<string, ModelSpec> byName, List<ClashSpec> problems)
    {
        if (models.All(m => m.Distribution is null))
            return;
        foreach (var model in models)
        {
            foreach (var relation in model.Relations)
            {
                if (relation.TargetInSource && byName.TryGetValue(relation.TargetType, out var target))
                    CheckRelation(model, relation, target, problems);
            }
            if (model.Distribution is { ColocateWith: { } colocate } distribution)
                CheckColocation(model, distribution, colocate, byName, problems);
        }
    }

    private static void CheckRelation(ModelSpec source, RelationSpec relation, ModelSpec target, List<ClashSpec> problems)
    {
        var from = source.Distribution;
        var to = target.Distribution;
        if (from is { IsReference: false })
        {
            if (to is { IsReference: true })
                return;
            var reason = to is null
                ? "Citus allows no foreign key from a distributed table to a local one"
                : "a foreign key between distributed tables must include both distribution columns, which needs composite keys RelGen does not have yet";
            problems.Add(Problem(source, relation.Property, DiagnosticDescriptors.RelationFromDistributed.Id,
                source.ClassName, relation.Property, to is null ? "plain" : "distributed", target.ClassName, reason));
        }
        else if (to is { IsReference: false })
        {
            var fix = from is null
                ? "make '" + target.ClassName + "' a [ReferenceTable], or point at it from distributed models only when RelGen has composite keys"
                : "make '" + target.ClassName + "' a [ReferenceTable] too";
            problems.Add(Problem(source, relation.Property, DiagnosticDescriptors.RelationToDistributed.Id,
                source.ClassName, relation.Property, from is null ? "plain" : "reference table", target.ClassName, fix));
        }
    }

    private static void CheckColocation(ModelSpec model, DistributionSpec distribution, string colocate, IReadOnlyDictionary<string, ModelSpec> byName,
        List<ClashSpec> problems)
    {
        string? reason = null;
        if (!byName.TryGetValue(colocate, out var group))
            reason = "which is not a [Model] of this project";
        else if (group.FullName == model.FullName)
            reason = "which is the model itself; leave ColocateWith out to start a co-location group";
        else if (group.Distribution is not { IsReference: false } other)
            reason = "which is not distributed; name a model marked [DistributedBy]";
        else if (other.SqlType != distribution.SqlType)
            reason = $"whose distribution column '{other.Column}' is {other.SqlType}, not {distribution.SqlType} like '{distribution.Column}'; Citus co-locates tables whose distribution columns have one type";
        else if (GroupRoot(model, byName) is null)
            reason = "whose ColocateWith chain is circular or broken; let one model of the group start it (no ColocateWith) and name that one";
        if (reason is not null)
            problems.Add(Problem(model, "", DiagnosticDescriptors.InvalidColocateWith.Id, model.ClassName, distribution.ColocateWithName ?? colocate, reason));
    }

    /// <summary>
    /// The model that starts <paramref name="model"/>'s co-location group (following <c>ColocateWith</c>), or null when the
    /// chain is broken or circular. Citus wants that model distributed first.
    /// </summary>
    public static ModelSpec? GroupRoot(ModelSpec model, IReadOnlyDictionary<string, ModelSpec> byName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = model;
        while (current.Distribution is { IsReference: false, ColocateWith: { } next })
        {
            if (!seen.Add(current.FullName) || !byName.TryGetValue(next, out var group) || group.Distribution is not { IsReference: false })
                return null;
            current = group;
        }
        return current;
    }

    private static ClashSpec Problem(ModelSpec model, string property, string id, params string[] arguments)
        => new(model.Namespace.Length == 0 ? model.ClassName : model.Namespace + "." + model.ClassName, property, id, new EquatableArray<string>(arguments));
}
