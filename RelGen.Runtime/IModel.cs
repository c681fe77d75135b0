using System.ComponentModel;
using RelGen.Schema;

namespace RelGen;

/// <summary>Implemented by the generator on every <c>[Model]</c> class; not for hand-written code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IModel
{
    /// <summary>The database this object was loaded from or saved to; null while unsaved.</summary>
    RelGenDatabase? RelGenDatabase { get; set; }

    /// <summary>Per-object caches (prefetched reverse sets, peers), created on demand.</summary>
    EntityExtras? RelGenExtras { get; set; }
}

/// <summary>Gives generic runtime code the generated metadata of a model without reflection.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IModel<TSelf> : IModel where TSelf : class, IModel<TSelf>
{
    static abstract ModelMeta<TSelf> Meta { get; }
}
