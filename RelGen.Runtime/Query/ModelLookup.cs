using System.ComponentModel;
using RelGen.Schema;

namespace RelGen.Query;

/// <summary>
/// The base of the generated lookup types: a model reached through a path (none for the query's own model).
/// Generated members expose each column as a typed field and each relation as another lookup.
/// </summary>
public abstract class ModelLookup
{
    protected ModelLookup(RelationPath? path, ModelMeta meta)
    {
        RelGenPath = path;
        RelGenMeta = meta;
    }

    [EditorBrowsable(EditorBrowsableState.Never)]
    public RelationPath? RelGenPath { get; }

    [EditorBrowsable(EditorBrowsableState.Never)]
    public ModelMeta RelGenMeta { get; }

    /// <summary>A column of this model on this path.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected ColumnRef RelGenColumn(int ordinal) => new(RelGenPath, RelGenMeta.Columns[ordinal]);

    /// <summary>The path one forward hop further, through this model's relation <paramref name="index"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected RelationPath RelGenForward(int index) => new(RelGenPath, RelGenMeta.Relations[index], isReverse: false);

    /// <summary>The path one reverse hop further, back through <paramref name="relation"/> that points at this model.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected RelationPath RelGenReverse(RelationMeta relation) => new(RelGenPath, relation, isReverse: true);

    public override string ToString() => RelGenPath?.ToString() ?? RelGenMeta.ClassName;

    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => RelGenPath?.GetHashCode() ?? RelGenMeta.GetHashCode();
}
