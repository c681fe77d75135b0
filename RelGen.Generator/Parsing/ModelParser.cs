using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RelGen.Generator.Diagnostics;
using RelGen.Generator.Model;

namespace RelGen.Generator.Parsing;

/// <summary>
/// Turns one <c>[Model]</c> class into a <see cref="ModelSpec"/> and diagnostics. The only code in the
/// generator that touches symbols and syntax.
/// </summary>
internal sealed partial class ModelParser
{
    private readonly INamedTypeSymbol _type;
    private readonly Compilation _compilation;
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly List<ColumnSpec> _columns = [];
    private readonly List<RelationSpec> _relations = [];
    private readonly List<string> _stubs = [];

    private ModelParser(INamedTypeSymbol type, Compilation compilation)
    {
        _type = type;
        _compilation = compilation;
    }

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        return new ModelParser(type, context.SemanticModel.Compilation).Parse((ClassDeclarationSyntax)context.TargetNode, cancellationToken);
    }

    private string Name => _type.Name;

    private ParseResult Parse(ClassDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            return Fail(DiagnosticDescriptors.ModelNotPartial, declaration.Identifier.GetLocation(), Name);
        if (_type.ContainingType is not null || _type.IsGenericType)
            return Fail(DiagnosticDescriptors.UnsupportedModelShape, declaration.Identifier.GetLocation(), Name);

        // Properties of base classes are columns too, unless the base is itself a model (not supported yet).
        var modelBase = PropertyCollector.ModelBase(_type);
        if (modelBase is not null)
            Report(DiagnosticDescriptors.ModelDerivesFromModel, declaration.Identifier.GetLocation(), Name, modelBase.Name);
        var withBases = modelBase is null;

        var (key, extraKey) = KeyFinder.Find(_type, withBases);
        if (extraKey is not null)
            Report(DiagnosticDescriptors.MultipleKeys, extraKey.FirstLocation(), Name, key!.Name, extraKey.Name);

        var keyGenerated = key is null;
        if (keyGenerated)
            _columns.Add(new ColumnSpec("Id", "id", "int", FieldKind.Int32, false, "integer", 0, null, null, null, -1));

        foreach (var property in PropertyCollector.Properties(_type, withBases))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (property.Has(KnownNames.NotMapped))
                continue;
            var inherited = PropertyCollector.IsInherited(property, _type);
            if (property.Attribute(KnownNames.ForeignKey) is { } foreignKey)
            {
                if (property.Has(KnownNames.ConcurrencyCheck))
                    Report(DiagnosticDescriptors.UnsupportedVersion, property.FirstLocation(), Name, property.Name, "it is a relation");
                if (inherited)
                {
                    ReportBase(property, "has [ForeignKey]; RelGen implements a relation in the model's own partial class, so declare it there");
                    continue;
                }
                AddRelation(property, foreignKey);
            }
            else if (property.DeclaredAccessibility == Accessibility.Public && property.GetMethod is not null && property.SetMethod is not null)
            {
                if (inherited && !_compilation.IsSymbolAccessibleWithin(property.SetMethod, _type, _type))
                {
                    ReportBase(property, "its setter is not accessible from '" + Name + "', which must set it when it reads a row; make the setter public, internal or protected, or mark the property [NotMapped]");
                    continue;
                }
                AddColumn(property);
            }
            else
            {
                continue;
            }
            CheckAnnotations(property);
        }

        var keyIndex = _columns.FindIndex(c => c.Property == (key?.Name ?? "Id"));
        if (keyIndex >= 0 && _columns[keyIndex].IsVersion)
        {
            Report(DiagnosticDescriptors.UnsupportedVersion, key?.FirstLocation(), Name, _columns[keyIndex].Property, "it is the primary key");
            _columns[keyIndex] = _columns[keyIndex] with { IsVersion = false };
        }
        var keyIsIdentity = false;
        if (keyIndex >= 0)
        {
            var keyColumn = _columns[keyIndex];
            if ((!TypeMapper.IsKeyKind(keyColumn.Kind) || keyColumn.IsNullable) && key is not null)
                Report(DiagnosticDescriptors.UnsupportedKey, key.FirstLocation(), Name, key.Name, key.Type.ToDisplayString());
            keyIsIdentity = keyColumn.Kind is FieldKind.Int32 or FieldKind.Int64;
        }
        else if (key is not null && !HasErrors)
        {
            // A key that is not a mapped property (not public, no setter): report it as unsupported.
            Report(DiagnosticDescriptors.UnsupportedKey, key.FirstLocation(), Name, key.Name, key.Type.ToDisplayString());
        }

        var ordering = ParseOrdering();
        CheckGeneratedNames(keyGenerated);
        var table = TableName();
        var schema = HasErrors ? ModelSchemaSpec.Empty : ParseSchema(table, keyIndex);

        if (HasErrors)
            return new ParseResult(null, new StubSpec(Namespace, Name, new EquatableArray<string>(_stubs)), new EquatableArray<DiagnosticInfo>(_diagnostics));

        var memberNames = _type.GetMembers().Select(m => m.Name).Concat(_type.GetTypeMembers().Select(t => t.Name))
            .Concat(PropertyCollector.BaseClasses(_type).SelectMany(b => b.GetMembers()).Where(m => m.DeclaredAccessibility != Accessibility.Private).Select(m => m.Name))
            .Distinct().OrderBy(n => n, System.StringComparer.Ordinal);
        var spec = new ModelSpec(
            Namespace,
            Name,
            _type.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
            table,
            new EquatableArray<ColumnSpec>(_columns),
            keyIndex,
            keyIsIdentity,
            keyGenerated,
            new EquatableArray<RelationSpec>(_relations),
            ordering,
            new EquatableArray<string>(memberNames),
            _type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal),
            schema);
        // Warnings (RG0029) travel with a valid model.
        return new ParseResult(spec, null, new EquatableArray<DiagnosticInfo>(_diagnostics));
    }

    private bool HasErrors => _diagnostics.Any(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error);

    private string Namespace => _type.ContainingNamespace.IsGlobalNamespace ? "" : _type.ContainingNamespace.ToDisplayString();

    private void AddColumn(IPropertySymbol property)
    {
        var json = JsonContext(property);
        var mapped = json is null ? TypeMapper.Map(property.Type) : TypeMapper.MapJson(property.Type);
        if (mapped is null)
        {
            var hint = IsModel(property.Type)
                ? property.Has(KnownNames.SchemaForeignKey)
                    ? "; this [ForeignKey] is System.ComponentModel.DataAnnotations.Schema's: use RelGen's (e.g. 'using ForeignKey = RelGen.ForeignKeyAttribute;') and make the property partial"
                    : "; to relate to model '" + property.Type.Name + "', mark the property [ForeignKey] and partial"
                : "";
            Report(DiagnosticDescriptors.UnmappableType, property.FirstLocation(), Name, property.Name, property.Type.ToDisplayString(), hint);
            return;
        }
        var maxLength = 0;
        if (mapped.Kind == FieldKind.String)
            maxLength = MaxLength(property);
        var sqlType = mapped.Kind == FieldKind.Array
            ? mapped.ElementSqlType + "[]"
            : TypeMapper.SqlType(mapped.Kind, maxLength, mapped.EnumUnderlying);
        if (mapped.Kind == FieldKind.Decimal && Precision(property) is { } precision)
            sqlType = precision;
        var defaults = property.Attribute(KnownNames.DefaultValue) is { ConstructorArguments.Length: 1 } attribute
            ? DefaultValues.From(attribute.ConstructorArguments[0])
            : null;
        var isVersion = property.Has(KnownNames.ConcurrencyCheck) && IsVersion(property, mapped);
        var defaultSql = DefaultSql(property, defaults?.Sql);
        _columnProperties[property.Name] = property;
        _columns.Add(new ColumnSpec(
            property.Name,
            ColumnName(property, Naming.SnakeCase(property.Name)),
            mapped.Type,
            mapped.Kind,
            mapped.IsNullable,
            sqlType,
            maxLength,
            mapped.EnumUnderlying,
            defaults?.CSharp,
            defaultSql,
            -1,
            property.SetMethod is { IsInitOnly: false, DeclaredAccessibility: Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal },
            property.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is PropertyDeclarationSyntax { Initializer: not null }),
            ElementType: mapped.ElementType,
            JsonContext: json,
            IsStruct: property.Type.IsValueType,
            IsVersion: isVersion,
            ValidatesEmail: mapped.Kind == FieldKind.String && property.Has(KnownNames.EmailAddress),
            IsAssignable: property.SetMethod?.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal));
    }

    /// <summary>The <c>JsonSerializerContext</c> of a <c>[Json(typeof(…))]</c> property, fully qualified; null without the attribute.</summary>
    private static string? JsonContext(IPropertySymbol property)
        => property.Attribute(KnownNames.Json) is { ConstructorArguments.Length: 1 } attribute && attribute.ConstructorArguments[0].Value is ITypeSymbol context
            ? context.FullyQualified()
            : null;

    /// <summary><c>numeric(p, s)</c> from <c>[Precision(p, s)]</c> on a decimal property.</summary>
    private static string? Precision(IPropertySymbol property)
    {
        if (property.Attribute(KnownNames.Precision) is not { ConstructorArguments.Length: 2 } attribute
            || attribute.ConstructorArguments[0].Value is not int precision || attribute.ConstructorArguments[1].Value is not int scale)
            return null;
        return "numeric(" + precision + "," + scale + ")";
    }

    /// <summary>
    /// A <c>[ConcurrencyCheck]</c> property is the model's version when it is a non-nullable int or long and the first one;
    /// anything else is reported where it is declared.
    /// </summary>
    private bool IsVersion(IPropertySymbol property, MappedType mapped)
    {
        if (mapped.Kind is not (FieldKind.Int32 or FieldKind.Int64) || mapped.IsNullable)
        {
            Report(DiagnosticDescriptors.UnsupportedVersion, property.FirstLocation(), Name, property.Name,
                "its type is '" + property.Type.ToDisplayString() + "'");
            return false;
        }
        if (_columns.Find(c => c.IsVersion) is { } first)
        {
            Report(DiagnosticDescriptors.MultipleVersions, property.FirstLocation(), Name, first.Property, property.Name);
            return false;
        }
        return true;
    }

    private static int MaxLength(IPropertySymbol property)
    {
        foreach (var name in new[] { KnownNames.MaxLength, KnownNames.StringLength })
        {
            if (property.Attribute(name) is { ConstructorArguments.Length: > 0 } attribute && attribute.ConstructorArguments[0].Value is int length && length > 0)
                return length;
        }
        return 0;
    }

    private void AddRelation(IPropertySymbol property, AttributeData attribute)
    {
        var syntax = property.DeclaringSyntaxReferences.Length > 0
            ? property.DeclaringSyntaxReferences[0].GetSyntax() as PropertyDeclarationSyntax
            : null;
        var modifiers = syntax is null
            ? "public"
            : string.Join(" ", syntax.Modifiers.Where(m => !m.IsKind(SyntaxKind.PartialKeyword)).Select(m => m.Text));
        var declaredType = property.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier));
        if (!property.IsPartialDefinition)
        {
            Report(DiagnosticDescriptors.ForeignKeyNotPartial, property.FirstLocation(), Name, property.Name, property.Type.Name);
            return;
        }
        var (getter, setter) = PropertyAccessors.Declared(syntax);
        // A model with errors still implements this property, so the RG error stands alone.
        _stubs.Add(modifiers + "|" + declaredType + "|" + property.Name + "|" + getter + "|" + setter);

        var target = property.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated) as INamedTypeSymbol;
        // A [Model] that is not partial, nested or generic reports its own error (RG0001/RG0011); this model stays
        // valid and the graph treats the relation as pointing at a model with errors, so nothing else fails.
        if (target is null || !IsModel(target))
        {
            Report(DiagnosticDescriptors.ForeignKeyTargetNotModel, property.FirstLocation(), Name, property.Name, property.Type.ToDisplayString());
            return;
        }
        // A model of a referenced assembly is a valid target once RelGen generated it there (it implements IModel<T>).
        if (!target.Locations.Any(l => l.IsInSource) && !target.AllInterfaces.Any(i => i.OriginalDefinition.ToDisplayString() == KnownNames.IModel))
        {
            Report(DiagnosticDescriptors.ForeignKeyTargetNotModel, property.FirstLocation(), Name, property.Name, property.Type.ToDisplayString());
            return;
        }
        var isNullable = property.NullableAnnotation == NullableAnnotation.Annotated;
        var onDelete = attribute.Named("OnDelete")?.Value is int rule ? (OnDeleteRule)rule : OnDeleteRule.Cascade;
        var relatedName = attribute.Named("RelatedName")?.Value as string is { Length: > 0 } rn ? rn : Name + "Set";
        var relatedQueryName = attribute.Named("RelatedQueryName")?.Value as string is { Length: > 0 } rq ? rq : Name;
        if (onDelete == OnDeleteRule.SetNull && !isNullable)
            Report(DiagnosticDescriptors.SetNullOnRequired, property.FirstLocation(), Name, property.Name, target.Name);

        var (targetKey, targetKeyType) = KeyFinder.Describe(target);
        string? defaultLiteral = null;
        string? defaultSql = null;
        var defaultsToNull = false;
        if (property.Attribute(KnownNames.DefaultValue) is { ConstructorArguments.Length: 1 } defaultValue)
        {
            if (DefaultValues.From(defaultValue.ConstructorArguments[0]) is { } defaults)
                (defaultLiteral, defaultSql) = defaults;
            else
                defaultsToNull = defaultValue.ConstructorArguments[0].IsNull;
        }
        // Django's SET_DEFAULT with default=None on a null=True key: [DefaultValue(null)] on a nullable relation
        // falls back to NULL, the column's implicit default, so it needs no SQL default of its own.
        if (onDelete == OnDeleteRule.SetDefault && defaultSql is null && !(defaultsToNull && isNullable))
            Report(DiagnosticDescriptors.SetDefaultWithoutDefault, property.FirstLocation(), Name, property.Name);

        // The key column takes the shape of the target's key as mapped. A target whose key is unsupported
        // reports that itself (RG0009, RG0004) and the graph marks this relation invalid; the column must still
        // be consistent so that this model's generated code compiles and the target's RG error stands alone.
        var mappedKey = targetKeyType is null ? null : TypeMapper.Map(targetKeyType);
        var (keyKind, keyClrType, keyEnumUnderlying) = mappedKey is null
            ? (FieldKind.Int32, "int", null)
            : (mappedKey.Kind, mappedKey.Type, mappedKey.EnumUnderlying);
        _columns.Add(new ColumnSpec(
            property.Name + "Id",
            ColumnName(property, Naming.SnakeCase(property.Name) + "_id"),
            keyClrType,
            keyKind,
            isNullable,
            TypeMapper.SqlType(keyKind, 0, keyEnumUnderlying),
            0,
            keyEnumUnderlying,
            defaultLiteral,
            defaultSql,
            _relations.Count));
        _columnProperties[property.Name + "Id"] = property;
        _relationTargets.Add((SchemaNames.Table(target), SchemaNames.KeyColumn(target), onDelete));
        _relations.Add(new RelationSpec(
            property.Name,
            modifiers,
            getter,
            setter,
            // Another model's reverse manager assigns it in an object initializer (its typed CreateAsync).
            property.SetMethod?.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal,
            _columns.Count - 1,
            target.FullyQualified(),
            target.Name,
            target.ContainingNamespace.IsGlobalNamespace ? "" : target.ContainingNamespace.ToDisplayString(),
            target.Locations.Any(l => l.IsInSource),
            target.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
            targetKey,
            keyClrType,
            isNullable,
            onDelete,
            relatedName,
            relatedQueryName));
    }

    private EquatableArray<OrderingSpec> ParseOrdering()
    {
        var attribute = _type.Attribute(KnownNames.Ordering);
        if (attribute is null || attribute.ConstructorArguments.Length == 0)
            return EquatableArray<OrderingSpec>.Empty;
        var terms = new List<OrderingSpec>();
        var values = attribute.ConstructorArguments[0];
        var names = values.Kind == TypedConstantKind.Array ? values.Values.Select(v => v.Value as string) : [values.Value as string];
        var location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation();
        foreach (var raw in names)
        {
            var name = raw ?? "";
            var descending = name.StartsWith("-", System.StringComparison.Ordinal);
            var property = descending ? name.Substring(1) : name;
            var index = _columns.FindIndex(c => c.Property == property);
            if (index < 0)
                index = _relations.FindIndex(r => r.Property == property) is var r and >= 0 ? _relations[r].ColumnIndex : -1;
            if (index < 0)
            {
                Report(DiagnosticDescriptors.UnknownOrderingProperty, location, Name, name);
                continue;
            }
            terms.Add(new OrderingSpec(index, descending));
        }
        return new EquatableArray<OrderingSpec>(terms);
    }

    /// <summary>Names the generator adds to the class must not already be declared there.</summary>
    private void CheckGeneratedNames(bool keyGenerated)
    {
        var generated = new List<(string Name, string Purpose)>
        {
            ("Objects", "the query set entry"),
            ("Lookup", "the lookup type"),
            ("__RelGenModel", "the model descriptor"),
        };
        foreach (var relation in _relations)
            generated.Add((relation.Property + "Id", "the key of relation '" + relation.Property + "'"));
        foreach (var (name, purpose) in generated)
        {
            foreach (var member in PropertyCollector.MembersNamed(_type, name))
            {
                if (member.IsImplicitlyDeclared)
                    continue;
                Report(DiagnosticDescriptors.GeneratedNameCollision, SourceLocation(member), name, Name, purpose, "");
                break;
            }
            foreach (var nested in _type.GetTypeMembers(name))
                Report(DiagnosticDescriptors.GeneratedNameCollision, nested.FirstLocation(), name, Name, purpose, "");
        }
        if (keyGenerated)
        {
            foreach (var member in PropertyCollector.MembersNamed(_type, "Id"))
                Report(DiagnosticDescriptors.GeneratedNameCollision, SourceLocation(member), "Id", Name, "the generated key", "; or declare the key as a public int or long property 'Id'");
        }
    }

    private static bool IsModel(ITypeSymbol type) => type is INamedTypeSymbol { TypeKind: TypeKind.Class } named && named.Has(KnownNames.Model);

    private void Report(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

    private ParseResult Fail(DiagnosticDescriptor descriptor, Location location, params string[] arguments)
    {
        Report(descriptor, location, arguments);
        return new ParseResult(null, null, new EquatableArray<DiagnosticInfo>(_diagnostics));
    }
}
