namespace RelGen.Generator.Model;

/// <summary>Everything the emitters need about one model; strings, enums and equatable arrays only.</summary>
/// <param name="Namespace">The namespace, empty for the global one.</param>
/// <param name="ClassName">The class name.</param>
/// <param name="Accessibility">The class's accessibility keyword (<c>public</c>, <c>internal</c>).</param>
/// <param name="Table">The table name.</param>
/// <param name="Columns">Every column in declaration order; the key first when generated.</param>
/// <param name="KeyIndex">The key's index in <see cref="Columns"/>.</param>
/// <param name="KeyIsIdentity">True for an <c>int</c>/<c>long</c> key the database assigns.</param>
/// <param name="KeyIsGenerated">True when the generator declares <c>public int Id</c>.</param>
/// <param name="Relations">The forward relations, in declaration order.</param>
/// <param name="Ordering">The default ordering.</param>
/// <param name="MemberNames">Names the class declares, sorted (to catch collisions with generated names).</param>
/// <param name="HasParameterlessConstructor">True when <c>new T()</c> works, for the typed <c>CreateAsync</c>.</param>
/// <param name="Schema">The table's key, foreign keys, indexes and constraints, named (the snapshot's, not the model file's).</param>
internal sealed record ModelSpec(
    string Namespace,
    string ClassName,
    string Accessibility,
    string Table,
    EquatableArray<ColumnSpec> Columns,
    int KeyIndex,
    bool KeyIsIdentity,
    bool KeyIsGenerated,
    EquatableArray<RelationSpec> Relations,
    EquatableArray<OrderingSpec> Ordering,
    EquatableArray<string> MemberNames,
    bool HasParameterlessConstructor,
    ModelSchemaSpec Schema)
{
    /// <summary>The class as C# source, <c>global::</c>-qualified, keywords escaped.</summary>
    public string FullName => Namespace.Length == 0 ? "global::" + Emit.Names.Id(ClassName) : "global::" + Emit.Names.Dotted(Namespace) + "." + Emit.Names.Id(ClassName);

    public ColumnSpec Key => Columns[KeyIndex];
}
