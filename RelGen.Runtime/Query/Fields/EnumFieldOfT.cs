using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A NOT NULL enum column: <c>Select</c> reads it as <typeparamref name="TEnum"/>.</summary>
public sealed class EnumField<TEnum> : EnumField<TEnum, TEnum> where TEnum : struct, Enum
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public EnumField(RelationPath? path, ColumnDescriptor column) : base(path, column) { }
}
