using System.ComponentModel;

namespace RelGen.Metadata;

/// <summary>
/// A reference to a field of a model object, given by generated descriptors: one lambda
/// (<c>static e =&gt; ref e.__field</c>) both reads and writes it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate ref TField FieldRef<in TModel, TField>(TModel model);
