namespace RelGen.Query;

/// <summary>A date or timestamp column: order lookups plus the <c>Year</c>, <c>Month</c> and <c>Day</c> parts as number fields.</summary>
public sealed class DateField<T> : OrderedField<T> where T : struct
{
    private NumberField<int>? _year, _month, _day;

    public DateField(ColumnRef column) : base(column) { }

    public NumberField<int> Year => _year ??= Part(DateTransform.Year);

    public NumberField<int> Month => _month ??= Part(DateTransform.Month);

    public NumberField<int> Day => _day ??= Part(DateTransform.Day);

    private NumberField<int> Part(DateTransform transform) => new(new ColumnRef(Column.Path, Column.Column, transform));
}
