namespace RelGen.Generator.Model;

/// <summary>A <c>[ForeignKey]</c> property: both ends, the names on the target, and the on-delete rule.</summary>
/// <param name="Property">The relation property, e.g. <c>Reporter</c>.</param>
/// <param name="Modifiers">The declaration's modifiers before <c>partial</c>, e.g. <c>public</c>.</param>
/// <param name="GetAccessor">The getter as declared (<c>get</c>), empty when none.</param>
/// <param name="SetAccessor">The setter as declared (<c>set</c>, <c>init</c>, <c>private set</c>), empty when none.</param>
/// <param name="IsAssignable">True when code elsewhere in the assembly can assign the property.</param>
/// <param name="ColumnIndex">The index of its key column in the model's columns.</param>
/// <param name="TargetType">The target model, fully qualified.</param>
/// <param name="TargetClass">The target's class name.</param>
/// <param name="TargetNamespace">The target's namespace, empty for the global one.</param>
/// <param name="TargetInSource">True when the target is declared in this compilation (so its class can receive the reverse manager).</param>
/// <param name="TargetAccessibility">The target class's accessibility keyword, which its lookup property must not exceed.</param>
/// <param name="TargetKeyProperty">The target's key property.</param>
/// <param name="TargetKeyType">The target key's fully qualified type.</param>
/// <param name="IsNullable">True for <c>Reporter?</c>.</param>
/// <param name="OnDelete">The rule.</param>
/// <param name="RelatedName">The reverse manager's name on the target.</param>
/// <param name="RelatedQueryName">The reverse lookup's name on the target.</param>
internal sealed record RelationSpec(
    string Property,
    string Modifiers,
    string GetAccessor,
    string SetAccessor,
    bool IsAssignable,
    int ColumnIndex,
    string TargetType,
    string TargetClass,
    string TargetNamespace,
    bool TargetInSource,
    string TargetAccessibility,
    string TargetKeyProperty,
    string TargetKeyType,
    bool IsNullable,
    OnDeleteRule OnDelete,
    string RelatedName,
    string RelatedQueryName)
{
    /// <summary>The generated backing field of the related object.</summary>
    public string ObjectField => "__rg" + Property;

    /// <summary>The generated backing field of the key.</summary>
    public string KeyField => "__rg" + Property + "Id";

    public string DeclaredType => IsNullable ? TargetType + "?" : TargetType;
}
