namespace RelGen.Query;

/// <summary>A text column: equality, order, pattern (<c>Contains</c>, <c>StartsWith</c>, …, case-insensitive variants) and regex lookups.</summary>
public sealed class StringField : OrderedField<string>
{
    public StringField(ColumnRef column) : base(column) { }

    public Predicate IExact(string value) => new ComparePredicate<string>(Column, LookupOperator.IExact, value);

    public Predicate Contains(string value) => new ComparePredicate<string>(Column, LookupOperator.Contains, value);

    public Predicate IContains(string value) => new ComparePredicate<string>(Column, LookupOperator.IContains, value);

    public Predicate StartsWith(string value) => new ComparePredicate<string>(Column, LookupOperator.StartsWith, value);

    public Predicate IStartsWith(string value) => new ComparePredicate<string>(Column, LookupOperator.IStartsWith, value);

    public Predicate EndsWith(string value) => new ComparePredicate<string>(Column, LookupOperator.EndsWith, value);

    public Predicate IEndsWith(string value) => new ComparePredicate<string>(Column, LookupOperator.IEndsWith, value);

    /// <summary>A POSIX regular expression match (PostgreSQL's <c>~</c>).</summary>
    public Predicate Regex(string pattern) => new ComparePredicate<string>(Column, LookupOperator.Regex, pattern);

    /// <summary>A case-insensitive POSIX regular expression match (<c>~*</c>).</summary>
    public Predicate IRegex(string pattern) => new ComparePredicate<string>(Column, LookupOperator.IRegex, pattern);
}
