using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace RelGen.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. Ids are tracked in AnalyzerReleases.Unshipped.md and listed in the README.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "RelGen";

    public static readonly DiagnosticDescriptor ModelNotPartial = Error("RG0001",
        "Model class must be partial",
        "Model class '{0}' must be declared 'partial' so that RelGen can generate its relations and lookups");

    public static readonly DiagnosticDescriptor ForeignKeyNotPartial = Error("RG0002",
        "[ForeignKey] property must be partial",
        "Property '{0}.{1}' has [ForeignKey] and must be declared 'partial' (e.g. 'public partial {2} {1} {{ get; set; }}') so that RelGen can implement it");

    public static readonly DiagnosticDescriptor ForeignKeyTargetNotModel = Error("RG0003",
        "[ForeignKey] property type must be a model",
        "Property '{0}.{1}' has [ForeignKey] but its type '{2}' is not a model: neither a partial class marked [Model] in this project nor a model RelGen generated in a referenced assembly");

    public static readonly DiagnosticDescriptor UnmappableType = Error("RG0004",
        "Property type cannot be mapped",
        "Property '{0}.{1}' has type '{2}', which RelGen cannot map; mapped types are bool, short, int, long, float, double, decimal, string, DateOnly, TimeOnly, DateTime, DateTimeOffset, Guid, TimeSpan, byte[], enums, JsonDocument, JsonElement, arrays of the scalar types, their nullable forms, classes marked [Json(typeof(context))], and [Model] classes through [ForeignKey]; mark the property [NotMapped] to leave it out{3}");

    public static readonly DiagnosticDescriptor ReverseNameClash = Error("RG0005",
        "Two relations produce the same reverse name",
        "Relation '{0}.{1}' gives model '{2}' the reverse {3} '{4}', which relation '{5}' also gives it; set '{6}' on one of them to a different name");

    public static readonly DiagnosticDescriptor GeneratedNameCollision = Error("RG0006",
        "Generated name collides with a declared member",
        "RelGen would generate '{0}' on model '{1}' for {2}, but '{1}' already declares a member with that name; rename the member{3}");

    public static readonly DiagnosticDescriptor SetNullOnRequired = Error("RG0007",
        "OnDelete.SetNull needs a nullable relation",
        "Relation '{0}.{1}' uses OnDelete.SetNull but is not nullable; declare it as '{2}?' or choose another OnDelete rule");

    public static readonly DiagnosticDescriptor SetDefaultWithoutDefault = Error("RG0008",
        "OnDelete.SetDefault needs a [DefaultValue]",
        "Relation '{0}.{1}' uses OnDelete.SetDefault but has no [DefaultValue(key)] (System.ComponentModel) giving the key to fall back to ([DefaultValue(null)] on a nullable relation falls back to NULL)");

    public static readonly DiagnosticDescriptor UnsupportedKey = Error("RG0009",
        "Unsupported primary key",
        "Primary key '{0}.{1}' has type '{2}'; a key must be a non-nullable int or long (database-assigned identity), Guid or string");

    public static readonly DiagnosticDescriptor UnknownOrderingProperty = Error("RG0010",
        "[Ordering] names an unknown property",
        "[Ordering] on model '{0}' names '{1}', which is not a mapped property of '{0}'");

    public static readonly DiagnosticDescriptor UnsupportedModelShape = Error("RG0011",
        "Model class must be a top-level, non-generic class",
        "Model class '{0}' must be a top-level, non-generic class");

    public static readonly DiagnosticDescriptor MultipleKeys = Error("RG0012",
        "A model has one primary key",
        "Model '{0}' marks more than one primary key ('{1}' and '{2}'); keep [PrimaryKey] on one property");

    public static readonly DiagnosticDescriptor UnsupportedVersion = Error("RG0030",
        "A version ([ConcurrencyCheck]) must be a non-nullable int or long",
        "Property '{0}.{1}' has [ConcurrencyCheck] but {2}; RelGen's version is a non-nullable int or long property, not the key nor a relation, that every UPDATE matches and moves to the next value");

    public static readonly DiagnosticDescriptor MultipleVersions = Error("RG0031",
        "A model has one version",
        "Model '{0}' marks more than one version ([ConcurrencyCheck] on '{1}' and '{2}'); keep [ConcurrencyCheck] on one property");
    // Schema: base classes, constraints and indexes, identifiers, migrations (RG0020 on).

    public static readonly DiagnosticDescriptor ModelDerivesFromModel = Error("RG0020",
        "A model cannot derive from another model",
        "Model '{0}' derives from model '{1}'; inheritance between models is not supported yet: move what they share to a base class that is not a [Model]");

    public static readonly DiagnosticDescriptor UnknownIndexProperty = Error("RG0021",
        "[Index] names an unknown property",
        "[Index] on model '{0}' names '{1}', which is not a mapped property of '{0}'");

    public static readonly DiagnosticDescriptor ConflictingSchema = Error("RG0022",
        "Conflicting or incomplete schema declaration",
        "Model '{0}': {1}");

    public static readonly DiagnosticDescriptor InvalidIdentifier = Error("RG0023",
        "A name PostgreSQL cannot hold",
        "The {0} name '{1}' of '{2}' cannot be used: {3}");

    public static readonly DiagnosticDescriptor DuplicateName = Error("RG0024",
        "Two declarations give the same name",
        "The {0} name '{1}' of '{2}' is also the {3} name of '{4}'; {5}");

    public static readonly DiagnosticDescriptor UnmappableBaseProperty = Error("RG0025",
        "A base class property cannot be mapped",
        "Property '{0}.{1}' is declared on base class '{2}' and {3}");

    public static readonly DiagnosticDescriptor MalformedMigration = Error("RG0026",
        "A migration file cannot be read",
        "Migration file '{0}' cannot be read: {1}");

    public static readonly DiagnosticDescriptor PendingModelChanges = Warning("RG0027",
        "The models no longer match the latest migration",
        "The models no longer match the latest migration's snapshot ({0}): {1}; run 'dotnet relgen migrations add <Name>' to write a migration");

    public static readonly DiagnosticDescriptor MalformedSnapshot = Error("RG0028",
        "The migrations snapshot cannot be read",
        "The migrations snapshot '{0}' cannot be read: {1}");

    public static readonly DiagnosticDescriptor IgnoredAnnotation = Warning("RG0029",
        "RelGen does not apply this annotation",
        "{0}: {1}");

    // Citus: [ReferenceTable] and [DistributedBy] (RG0032 on).

    public static readonly DiagnosticDescriptor ReferenceAndDistributed = Error("RG0032",
        "A model is a reference table or a distributed table, not both",
        "Model '{0}' has both [ReferenceTable] and [DistributedBy]; a Citus table is either copied to every node or sharded: keep one");

    public static readonly DiagnosticDescriptor UnknownDistributionProperty = Error("RG0033",
        "[DistributedBy] names no column of the model",
        "[DistributedBy] on model '{0}' names '{1}', {2}");

    public static readonly DiagnosticDescriptor DistributionNotKey = Error("RG0034",
        "A distributed model is distributed by its primary key",
        "[DistributedBy] on model '{0}' names '{1}', which is not its primary key '{2}'; Citus needs the primary key to include the distribution column and RelGen's keys are one column, so distribute by the key: [DistributedBy(nameof({2}))]");

    public static readonly DiagnosticDescriptor InvalidShardCount = Error("RG0035",
        "Invalid ShardCount",
        "[DistributedBy] on model '{0}' sets ShardCount = {1}: {2}");

    public static readonly DiagnosticDescriptor IntIdentityDistributed = Warning("RG0036",
        "A distributed model's identity key should be long",
        "Model '{0}' is distributed by its int identity key '{1}'; Citus can take int identity values only on the coordinator (bigint ones on every node): declare '{1}' as long");

    public static readonly DiagnosticDescriptor RelationToDistributed = Error("RG0037",
        "Only a co-located distributed table may point at a distributed table",
        "Relation '{0}.{1}' points from {2} model '{0}' at distributed model '{3}'; Citus allows no foreign key from a reference or local table to a distributed one: {4}");

    public static readonly DiagnosticDescriptor RelationFromDistributed = Error("RG0038",
        "A distributed model may point only at reference tables",
        "Relation '{0}.{1}' points from distributed model '{0}' at {2} model '{3}'; {4}: make '{3}' a [ReferenceTable]");

    public static readonly DiagnosticDescriptor InvalidColocateWith = Error("RG0039",
        "ColocateWith must name a distributed model with the same distribution column type",
        "[DistributedBy] on model '{0}' sets ColocateWith = typeof({1}), {2}");

    public static readonly DiagnosticDescriptor UniqueWithoutDistribution = Error("RG0040",
        "A unique constraint on a distributed model must include the distribution column",
        "Model '{0}' is distributed by '{1}', but its {2} '{3}' on ({4}) does not include it; Citus requires every unique constraint and unique index of a distributed table to include the distribution column: keep globally unique values in a [ReferenceTable] model, or leave the model undistributed");

    private static readonly Dictionary<string, DiagnosticDescriptor> All = new()
    {
        [ModelNotPartial.Id] = ModelNotPartial,
        [ForeignKeyNotPartial.Id] = ForeignKeyNotPartial,
        [ForeignKeyTargetNotModel.Id] = ForeignKeyTargetNotModel,
        [UnmappableType.Id] = UnmappableType,
        [ReverseNameClash.Id] = ReverseNameClash,
        [GeneratedNameCollision.Id] = GeneratedNameCollision,
        [SetNullOnRequired.Id] = SetNullOnRequired,
        [SetDefaultWithoutDefault.Id] = SetDefaultWithoutDefault,
        [UnsupportedKey.Id] = UnsupportedKey,
        [UnknownOrderingProperty.Id] = UnknownOrderingProperty,
        [UnsupportedModelShape.Id] = UnsupportedModelShape,
        [MultipleKeys.Id] = MultipleKeys,
        [UnsupportedVersion.Id] = UnsupportedVersion,
        [MultipleVersions.Id] = MultipleVersions,
        [ModelDerivesFromModel.Id] = ModelDerivesFromModel,
        [UnknownIndexProperty.Id] = UnknownIndexProperty,
        [ConflictingSchema.Id] = ConflictingSchema,
        [InvalidIdentifier.Id] = InvalidIdentifier,
        [DuplicateName.Id] = DuplicateName,
        [UnmappableBaseProperty.Id] = UnmappableBaseProperty,
        [MalformedMigration.Id] = MalformedMigration,
        [PendingModelChanges.Id] = PendingModelChanges,
        [MalformedSnapshot.Id] = MalformedSnapshot,
        [IgnoredAnnotation.Id] = IgnoredAnnotation,
        [ReferenceAndDistributed.Id] = ReferenceAndDistributed,
        [UnknownDistributionProperty.Id] = UnknownDistributionProperty,
        [DistributionNotKey.Id] = DistributionNotKey,
        [InvalidShardCount.Id] = InvalidShardCount,
        [IntIdentityDistributed.Id] = IntIdentityDistributed,
        [RelationToDistributed.Id] = RelationToDistributed,
        [RelationFromDistributed.Id] = RelationFromDistributed,
        [InvalidColocateWith.Id] = InvalidColocateWith,
        [UniqueWithoutDistribution.Id] = UniqueWithoutDistribution,
    };

    public static DiagnosticDescriptor ById(string id) => All[id];

    private static DiagnosticDescriptor Error(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
