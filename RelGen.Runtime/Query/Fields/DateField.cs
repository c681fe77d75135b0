using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A date or timestamp column: order lookups plus the <c>Year</c>, <c>Month</c> and <c>Day</c> parts as number fields.</summary>
public sealed class DateField<T> : OrderedField<T> where T : struct
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public DateField(RelationPath? path, ColumnDescriptor column) : base(path, column) { }

    /// <summary>The year.</summary>
    public NumberField<int> Year => Part(DateTransform.Year);

    /// <summary>The month, 1 to 12.</summary>
    public NumberField<int> Month => Part(DateTransform.Month);

    /// <summary>The day of the month.</summary>
    public NumberField<int> Day => Part(DateTransform.Day);

    private NumberField<int> Part(DateTransform transform) => new(new ColumnRef(Column.Path, Column.Column, transform));
}
