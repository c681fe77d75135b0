using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>
/// A timestamp column (<c>DateTime</c>, <c>DateTimeOffset</c>): a date field that also has its <c>Date</c>, <c>Time</c>,
/// <c>Hour</c>, <c>Minute</c> and <c>Second</c>, all taken in UTC. <typeparamref name="TValue"/> is the property's type.
/// </summary>
public class DateTimeField<T, TValue> : DateField<T, TValue> where T : struct
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public DateTimeField(RelationPath? path, ColumnDescriptor column) : base(path, column) { }

    /// <summary>The date (Django's <c>date</c> transform), comparable with <see cref="DateOnly"/> values.</summary>
    public DateField<DateOnly> Date => new(new ColumnRef(Column.Path, Column.Column, DateTransform.Date));

    /// <summary>The time of day (Django's <c>time</c> transform), comparable with <see cref="TimeOnly"/> values.</summary>
    public TimeField Time => new(new ColumnRef(Column.Path, Column.Column, DateTransform.Time));

    /// <summary>The hour, 0 to 23.</summary>
    public NumberField<int> Hour => Part(DateTransform.Hour);

    /// <summary>The minute, 0 to 59.</summary>
    public NumberField<int> Minute => Part(DateTransform.Minute);

    /// <summary>The whole seconds, 0 to 59.</summary>
    public NumberField<int> Second => Part(DateTransform.Second);
}
