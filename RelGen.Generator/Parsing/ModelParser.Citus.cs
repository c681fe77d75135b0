using System.Linq;
using Microsoft.CodeAnalysis;
using RelGen.Generator.Diagnostics;
using RelGen.Generator.Model;

namespace RelGen.Generator.Parsing;

/// <summary>
/// Citus: <c>[ReferenceTable]</c> and <c>[DistributedBy]</c> on the model, and what is wrong with them that the model alone
/// shows (both at once, a distribution property that is not the key, a shard count Citus refuses, a unique constraint
/// without the distribution column, an <c>int</c> identity).
/// What needs other models (relations, <c>ColocateWith</c>) is checked on the graph (<see cref="CitusRules"/>).
/// </summary>
internal sealed partial class ModelParser
{
    /// <summary>Citus's limit on <c>shard_count</c>.</summary>
    private const int MaxShardCount = 64000;

    private DistributionSpec? ParseDistribution(int keyIndex, bool keyIsIdentity, ModelSchemaSpec schema)
    {
        var reference = _type.Attribute(KnownNames.ReferenceTable);
        var distributed = _type.Attribute(KnownNames.DistributedBy);
        if (reference is not null && distributed is not null)
        {
            Report(DiagnosticDescriptors.ReferenceAndDistributed, Where(distributed), Name);
            return null;
        }
        if (reference is not null)
            return DistributionSpec.Reference;
        if (distributed is null)
            return null;

        var location = Where(distributed);
        var property = distributed.ConstructorArguments.Length == 1 ? distributed.ConstructorArguments[0].Value as string ?? "" : "";
        // A relation is named by its property (Tenant) or its key's (TenantId); either way its column is not the key.
        var index = _columns.FindIndex(c => c.Property == property);
        if (index < 0 && _relations.Find(r => r.Property == property) is { } relation)
            index = relation.ColumnIndex;
        if (index < 0)
        {
            var reason = PropertyCollector.MembersNamed(_type, property).Any()
                ? "which is not mapped to a column (a [NotMapped], non-public or read-only member)"
                : "which is not a property of '" + Name + "'";
            Report(DiagnosticDescriptors.UnknownDistributionProperty, location, Name, property, reason);
            return null;
        }
        if (keyIndex < 0)
            return null;
        var key = _columns[keyIndex];
        if (index != keyIndex)
        {
            Report(DiagnosticDescriptors.DistributionNotKey, location, Name, property, key.Property);
            return null;
        }

        var colocate = distributed.Named("ColocateWith")?.Value as ITypeSymbol;
        var shardCount = 0;
        if (distributed.Named("ShardCount")?.Value is int shards)
        {
            if (shards < 1 || shards > MaxShardCount)
                Report(DiagnosticDescriptors.InvalidShardCount, location, Name, shards.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "Citus takes 1 to " + MaxShardCount + " shards; leave ShardCount out for Citus's default (citus.shard_count)");
            else if (colocate is not null)
                Report(DiagnosticDescriptors.InvalidShardCount, location, Name, shards.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "a table that joins a co-location group (ColocateWith) has the group's shard count; set ShardCount on the group's first model");
            shardCount = shards;
        }
        // R1: Citus refuses a unique constraint or index without the distribution column; here that is the key alone.
        var unique = schema.UniqueConstraints.Select(u => (Kind: "unique constraint", u.Name, u.Columns))
            .Concat(schema.Indexes.Where(i => i.Unique).Select(i => (Kind: "unique index", i.Name, i.Columns)));
        foreach (var (kind, name, columns) in unique)
        {
            if (!columns.Contains(key.Column))
                Report(DiagnosticDescriptors.UniqueWithoutDistribution, location, Name, key.Column, kind, name, string.Join(", ", columns));
        }
        if (key.Kind == FieldKind.Int32 && keyIsIdentity)
            Report(DiagnosticDescriptors.IntIdentityDistributed, location, Name, key.Property);
        return new DistributionSpec(false, key.Property, key.Column, key.SqlType, colocate?.FullyQualified(), colocate?.Name, shardCount);
    }
}
