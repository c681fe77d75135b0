using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RelGen.Generator.Diagnostics;
using RelGen.Generator.Model;
using RelGen.Schema.Ddl;

namespace RelGen.Generator.Parsing;

/// <summary>
/// The schema side of a model: table and column names (<c>[Table]</c>, <c>[Column]</c>), column defaults, the names of its
/// key, foreign keys, indexes and constraints (<c>[Unique]</c>, <c>[Index]</c>, <c>[CheckSql]</c>), and the mistakes in
/// them: unknown properties, conflicting declarations, names PostgreSQL cannot hold. Annotations RelGen does not apply
/// get a warning saying what it does instead.
/// </summary>
internal sealed partial class ModelParser
{
    /// <summary>The property behind each column, by the column's property name (a relation's key column: the relation).</summary>
    private readonly Dictionary<string, IPropertySymbol> _columnProperties = [];

    /// <summary>Per relation, in order: the target's table and key column, and the rule.</summary>
    private readonly List<(string Table, string KeyColumn, OnDeleteRule OnDelete)> _relationTargets = [];

    private string TableName()
    {
        var model = SchemaNames.ModelTable(_type);
        var annotated = SchemaNames.DataAnnotationsTable(_type);
        var tableAttribute = _type.Attribute(KnownNames.Table);
        if (tableAttribute?.Named("Schema")?.Value is string schema)
        {
            Warn(tableAttribute, $"Model '{Name}'",
                $"[Table(Schema = \"{schema}\")] is not applied: RelGen's tables live in the connection's schema (Search Path in the connection string)");
        }
        if (model is not null && annotated is not null && model != annotated)
            Report(DiagnosticDescriptors.ConflictingSchema, Where(tableAttribute), Name, $"[Model(Table = \"{model}\")] and [Table(\"{annotated}\")] name different tables; keep one");
        return model ?? annotated ?? Naming.SnakeCase(Name);
    }

    private string ColumnName(IPropertySymbol property, string conventional) => SchemaNames.Column(property, conventional);

    /// <summary>The column's SQL default: <c>[DefaultSql]</c>, else the <c>[DefaultValue]</c> literal; both is a conflict.</summary>
    private string? DefaultSql(IPropertySymbol property, string? literal)
    {
        if (property.Attribute(KnownNames.DefaultSql) is not { } attribute)
            return literal;
        var sql = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        if (sql is null || sql.Trim().Length == 0)
        {
            Report(DiagnosticDescriptors.ConflictingSchema, Where(attribute, property), Name, $"[DefaultSql] on '{property.Name}' gives no SQL");
            return literal;
        }
        if (literal is not null)
        {
            Report(DiagnosticDescriptors.ConflictingSchema, Where(attribute, property), Name,
                $"'{property.Name}' has both [DefaultValue] and [DefaultSql]; a column has one default, keep one");
        }
        return sql;
    }

    /// <summary>DataAnnotations RelGen reads but does not apply as EF Core would: a warning each, saying what RelGen does.</summary>
    private void CheckAnnotations(IPropertySymbol property)
    {
        var nullable = property.Type.NullableAnnotation == NullableAnnotation.Annotated
            || property.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        if (nullable && property.Attribute(KnownNames.Required) is { } required)
        {
            var type = property.Type.ToDisplayString();
            Warn(required, $"'{Name}.{property.Name}'",
                $"[Required] is not applied to '{type}': RelGen takes NULL-ability from the type, so the column is NULL-able; declare '{type.TrimEnd('?')}' for a NOT NULL column");
        }
        if (property.Attribute(KnownNames.Column) is { } column)
        {
            if (column.Named("TypeName")?.Value is string typeName)
            {
                Warn(column, $"'{Name}.{property.Name}'",
                    $"[Column(TypeName = \"{typeName}\")] is not applied: RelGen chooses the column type from the property's type ([MaxLength] sets a varchar length, [Precision] a numeric's precision and scale)");
            }
            if (column.Named("Order")?.Value is int)
                Warn(column, $"'{Name}.{property.Name}'", "[Column(Order = ...)] is not applied: columns are in declaration order, base classes first");
        }
    }

    /// <summary>Names every key, constraint and index of the table and checks them, with the table and column names.</summary>
    private ModelSchemaSpec ParseSchema(string table, int keyIndex)
    {
        CheckName(table, "table", Name, ClassLocation);
        var names = new Dictionary<string, (string Kind, string Owner)>(System.StringComparer.Ordinal);
        var columnOwners = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var column in _columns)
        {
            var property = _columnProperties.TryGetValue(column.Property, out var p) ? p : null;
            var owner = Name + "." + (property?.Name ?? column.Property);
            var location = property is null ? ClassLocation : SourceLocation(property);
            CheckName(column.Column, "column", owner, location);
            if (columnOwners.TryGetValue(column.Column, out var first))
                Report(DiagnosticDescriptors.DuplicateName, location, "column", column.Column, owner, "column", first, "give one of them another name with [Column(\"...\")]");
            else
                columnOwners[column.Column] = owner;
        }

        var primaryKey = ConstraintNames.PrimaryKey(table);
        Claim(names, primaryKey, "primary key", Name, ClassLocation);
        var uniques = ParseUniques(table, keyIndex, names);
        var indexes = new List<IndexSpec>();
        var declared = ParseIndexes(table, names);
        var foreignKeys = new List<ForeignKeySpec>();
        for (var i = 0; i < _relations.Count; i++)
        {
            var relation = _relations[i];
            var column = _columns[relation.ColumnIndex].Column;
            var (targetTable, targetColumn, onDelete) = _relationTargets[i];
            var location = SourceLocation(_columnProperties[relation.Property + "Id"]);
            var name = ConstraintNames.ForeignKey(table, column);
            Claim(names, name, "foreign key", Name + "." + relation.Property, location);
            foreignKeys.Add(new ForeignKeySpec(name, i, column, targetTable, targetColumn, Rule(onDelete)));
            // A unique constraint or unique index on the key column alone serves as its index (Django's OneToOneField).
            if (uniques.Any(u => u.Columns.Count == 1 && u.Columns[0] == column) || declared.Any(d => d.Index.Unique && d.Index.Columns.Count == 1 && d.Index.Columns[0] == column))
                continue;
            var index = ConstraintNames.ForeignKeyIndex(table, column);
            if (declared.FirstOrDefault(d => !d.Index.Unique && d.Index.Columns.Count == 1 && d.Index.Columns[0] == column) is { Index: not null } same)
            {
                Report(DiagnosticDescriptors.ConflictingSchema, same.Location, Name,
                    $"RelGen already indexes foreign key column '{column}' of relation '{relation.Property}' (index '{index}'); remove this [Index]");
                continue;
            }
            Claim(names, index, "index", Name + "." + relation.Property, location);
            indexes.Add(new IndexSpec(index, new EquatableArray<string>([column]), false));
        }
        indexes.AddRange(declared.Select(d => d.Index));
        return new ModelSchemaSpec(
            primaryKey,
            new EquatableArray<ForeignKeySpec>(foreignKeys),
            new EquatableArray<IndexSpec>(indexes),
            new EquatableArray<UniqueSpec>(uniques),
            new EquatableArray<CheckSpec>(ParseChecks(names)));
    }

    private List<UniqueSpec> ParseUniques(string table, int keyIndex, Dictionary<string, (string Kind, string Owner)> names)
    {
        var uniques = new List<UniqueSpec>();
        for (var i = 0; i < _columns.Count; i++)
        {
            var column = _columns[i];
            if (!_columnProperties.TryGetValue(column.Property, out var property) || property.Attribute(KnownNames.Unique) is not { } attribute)
                continue;
            if (i == keyIndex)
            {
                Report(DiagnosticDescriptors.ConflictingSchema, Where(attribute, property), Name, $"'{property.Name}' is the primary key, which is unique already; remove [Unique]");
                continue;
            }
            var name = ConstraintNames.Unique(table, [column.Column]);
            Claim(names, name, "unique constraint", Name + "." + property.Name, Where(attribute, property));
            uniques.Add(new UniqueSpec(name, new EquatableArray<string>([column.Column])));
        }
        return uniques;
    }

    private List<(IndexSpec Index, Location? Location)> ParseIndexes(string table, Dictionary<string, (string Kind, string Owner)> names)
    {
        var result = new List<(IndexSpec Index, Location? Location)>();
        foreach (var attribute in _type.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != KnownNames.Index)
                continue;
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax;
            var location = syntax?.GetLocation();
            var arguments = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
                ? attribute.ConstructorArguments[0].Values.Select(v => v.Value as string ?? "").ToArray()
                : [];
            if (arguments.Length == 0)
            {
                Report(DiagnosticDescriptors.ConflictingSchema, location, Name, "[Index] names no property; name the properties to index, e.g. [Index(nameof(LastName), nameof(FirstName))]");
                continue;
            }
            var columns = new List<string>();
            var ok = true;
            for (var i = 0; i < arguments.Length; i++)
            {
                var column = ColumnOfProperty(arguments[i]);
                var argumentLocation = syntax?.ArgumentList is { } list && list.Arguments.Count == arguments.Length ? list.Arguments[i].GetLocation() : location;
                if (column is null)
                {
                    Report(DiagnosticDescriptors.UnknownIndexProperty, argumentLocation, Name, arguments[i]);
                    ok = false;
                }
                else if (columns.Contains(column))
                {
                    Report(DiagnosticDescriptors.ConflictingSchema, argumentLocation, Name, $"[Index] names '{arguments[i]}' twice");
                    ok = false;
                }
                else
                {
                    columns.Add(column);
                }
            }
            if (!ok)
                continue;
            var unique = attribute.Named("Unique")?.Value is true;
            var explicitName = attribute.Named("Name")?.Value as string;
            if (explicitName is not null && CheckName(explicitName, "index", Name, location) is false)
                continue;
            var name = explicitName ?? ConstraintNames.Index(table, columns);
            var description = string.Join(", ", columns);
            if (result.FirstOrDefault(r => r.Index.Unique == unique && r.Index.Columns.SequenceEqual(columns)) is { Index: not null } twin)
            {
                Report(DiagnosticDescriptors.ConflictingSchema, location, Name, $"two [Index] attributes declare the same {(unique ? "unique " : "")}index on ({description}) ('{twin.Index.Name}'); remove one");
                continue;
            }
            if (unique && columns.Count == 1 && _columns.Any(c => c.Column == columns[0] && _columnProperties.TryGetValue(c.Property, out var p) && p.Has(KnownNames.Unique)))
            {
                Report(DiagnosticDescriptors.ConflictingSchema, location, Name, $"column '{columns[0]}' is [Unique] already; remove this unique [Index] or the [Unique]");
                continue;
            }
            Claim(names, name, "index", Name, location);
            result.Add((new IndexSpec(name, new EquatableArray<string>(columns), unique), location));
        }
        return result;
    }

    private List<CheckSpec> ParseChecks(Dictionary<string, (string Kind, string Owner)> names)
    {
        var checks = new List<CheckSpec>();
        foreach (var attribute in _type.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != KnownNames.CheckSql || attribute.ConstructorArguments.Length != 2)
                continue;
            var location = Where(attribute);
            var name = attribute.ConstructorArguments[0].Value as string ?? "";
            var sql = attribute.ConstructorArguments[1].Value as string ?? "";
            if (CheckName(name, "check constraint", Name, location) is false)
                continue;
            if (sql.Trim().Length == 0)
            {
                Report(DiagnosticDescriptors.ConflictingSchema, location, Name, $"[CheckSql(\"{name}\", ...)] gives no SQL");
                continue;
            }
            Claim(names, name, "check constraint", Name, location);
            checks.Add(new CheckSpec(name, sql));
        }
        return checks;
    }

    /// <summary>The column a property name stands for in <c>[Index]</c>: a column's property, a relation (its key), or a relation's key property.</summary>
    private string? ColumnOfProperty(string property)
    {
        foreach (var column in _columns)
        {
            if (column.Property == property)
                return column.Column;
        }
        foreach (var relation in _relations)
        {
            if (relation.Property == property)
                return _columns[relation.ColumnIndex].Column;
        }
        return null;
    }

    /// <summary>Keys, constraints and indexes of one table need distinct names (indexes, across the schema: the graph checks that).</summary>
    private void Claim(Dictionary<string, (string Kind, string Owner)> names, string name, string kind, string owner, Location? location)
    {
        if (names.TryGetValue(name, out var first))
        {
            Report(DiagnosticDescriptors.DuplicateName, location, kind, name, owner, first.Kind, first.Owner, "give one of them another name");
            return;
        }
        names[name] = (kind, owner);
    }

    /// <summary>Reports RG0023 when <paramref name="name"/> cannot be a PostgreSQL <paramref name="kind"/> name; false then.</summary>
    private bool CheckName(string name, string kind, string owner, Location? location)
    {
        var problem = IdentifierRules.Problem(name, kind);
        if (problem is null)
            return true;
        Report(DiagnosticDescriptors.InvalidIdentifier, location, kind, Printable(name), owner, problem);
        return false;
    }

    private void ReportBase(IPropertySymbol property, string reason)
        => Report(DiagnosticDescriptors.UnmappableBaseProperty, SourceLocation(property), Name, property.Name, property.ContainingType.ToDisplayString(), reason);

    private void Warn(AttributeData attribute, string subject, string message)
        => Report(DiagnosticDescriptors.IgnoredAnnotation, Where(attribute), subject, message);

    private static string Rule(OnDeleteRule rule) => rule switch
    {
        OnDeleteRule.Cascade => "CASCADE",
        OnDeleteRule.SetNull => "SET NULL",
        OnDeleteRule.SetDefault => "SET DEFAULT",
        // Protect and Restrict are RelGen's checks before a delete; the database's key only refuses orphans.
        _ => "NO ACTION",
    };

    /// <summary>The attribute's place in source, else the symbol's, else the class's.</summary>
    private Location? Where(AttributeData? attribute, ISymbol? symbol = null)
        => attribute?.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? (symbol is null ? ClassLocation : SourceLocation(symbol));

    /// <summary>Where a diagnostic about <paramref name="symbol"/> goes: its declaration when in source, else the model class.</summary>
    private Location? SourceLocation(ISymbol symbol) => symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? ClassLocation;

    private Location? ClassLocation => _type.Locations.FirstOrDefault(l => l.IsInSource);

    /// <summary>A name as a message can show it: control characters escaped.</summary>
    private static string Printable(string name) => name.Replace("\0", "\\0");
}
