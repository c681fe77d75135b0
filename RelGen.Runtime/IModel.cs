using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen;

/// <summary>
/// Implemented by the generator on every <c>[Model]</c> class, so generic runtime code reaches the model's generated
/// descriptor without reflection; not for hand-written code.
/// </summary>
/// <typeparam name="TSelf">The model class itself.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IModel<TSelf> where TSelf : class, IModel<TSelf>
{
    /// <summary>The model's generated descriptor: table, columns, key, relations.</summary>
    static abstract ModelDescriptor<TSelf> RelGenModel { get; }
}
