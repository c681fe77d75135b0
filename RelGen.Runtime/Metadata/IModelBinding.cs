using System.ComponentModel;
using System.Data.Common;
using RelGen.Query;

namespace RelGen.Metadata;

/// <summary>
/// What only generated code can do for a model, handed to its descriptor: read a row into a new object, walk the columns
/// whose loaded values it remembers, copy a fresh row's values into an object, reach the object's RelGen state, and create
/// the model's lookup. Implemented explicitly by the generated descriptor holder, so these names
/// never clash with the model's own property names.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IModelBinding<T> where T : class
{
    /// <summary>
    /// Reads one object from the columns starting at <paramref name="offset"/>, in <see cref="ModelDescriptor.Columns"/>
    /// order, remembers the values read as its loaded values (change tracking) and gives it <paramref name="context"/>.
    /// </summary>
    T Read(DbDataReader reader, int offset, LoadContext context);

    /// <summary>
    /// Hands <paramref name="visitor"/> every column but the key, in <see cref="ModelDescriptor.Columns"/> order, with its
    /// current value and its remembered loaded value (change tracking: what changed, what the database now holds).
    /// </summary>
    void Track<TVisitor>(T entity, ref TVisitor visitor) where TVisitor : struct, ITrackedColumnVisitor<T>;

    /// <summary>Copies every settable column's value but the key from <paramref name="source"/> into <paramref name="target"/> (a refresh).</summary>
    void CopyColumns(T source, T target);

    /// <summary>The object's RelGen state: where it was loaded from and how its relations load; null while it never touched a database.</summary>
    ref LoadContext? Context(T entity);

    /// <summary>Creates the model's generated lookup at <paramref name="path"/> (null: the query's own model).</summary>
    ModelLookup CreateLookup(RelationPath? path);
}
