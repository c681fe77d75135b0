using System.ComponentModel;

namespace RelGen.Metadata;

/// <summary>
/// What the generated <see cref="IModelBinding{T}.Track"/> hands each tracked column of an object to: the column, its
/// current value (as stored: an enum's integer, a <c>[Json]</c> object's text) and the field remembering the value the
/// object was loaded or last saved with. Implemented by the runtime's change-tracking passes as structs, so each pass is
/// one direct, typed call per column: no accessor delegate per column, no boxing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ITrackedColumnVisitor<T> where T : class
{
    /// <summary>Visits one column of the object.</summary>
    void Visit<TValue>(Column<T, TValue> column, TValue current, ref TValue original);
}
