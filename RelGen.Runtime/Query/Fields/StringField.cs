using System.ComponentModel;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>A text column: equality, order, pattern (<c>Contains</c>, <c>StartsWith</c>, …, case-insensitive variants) and regex lookups.</summary>
public sealed class StringField : OrderedField<string>
{
    /// <summary>Used by generated lookups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public StringField(RelationPath? path, ColumnDescriptor column) : base(path, column) { }

    /// <summary>Equal, ignoring case.</summary>
    public Predicate IExact(string value) => new ComparePredicate<string>(Column, LookupOperator.IExact, value);

    /// <summary>Contains <paramref name="value"/> (its <c>%</c> and <c>_</c> match literally).</summary>
    public Predicate Contains(string value) => new ComparePredicate<string>(Column, LookupOperator.Contains, value);

    /// <summary>Contains <paramref name="value"/>, ignoring case.</summary>
    public Predicate IContains(string value) => new ComparePredicate<string>(Column, LookupOperator.IContains, value);

    /// <summary>Starts with <paramref name="value"/>.</summary>
    public Predicate StartsWith(string value) => new ComparePredicate<string>(Column, LookupOperator.StartsWith, value);

    /// <summary>Starts with <paramref name="value"/>, ignoring case.</summary>
    public Predicate IStartsWith(string value) => new ComparePredicate<string>(Column, LookupOperator.IStartsWith, value);

    /// <summary>Ends with <paramref name="value"/>.</summary>
    public Predicate EndsWith(string value) => new ComparePredicate<string>(Column, LookupOperator.EndsWith, value);

    /// <summary>Ends with <paramref name="value"/>, ignoring case.</summary>
    public Predicate IEndsWith(string value) => new ComparePredicate<string>(Column, LookupOperator.IEndsWith, value);

    /// <summary>A POSIX regular expression match (PostgreSQL's <c>~</c>).</summary>
    public Predicate Regex(string pattern) => new ComparePredicate<string>(Column, LookupOperator.Regex, pattern);

    /// <summary>A case-insensitive POSIX regular expression match (<c>~*</c>).</summary>
    public Predicate IRegex(string pattern) => new ComparePredicate<string>(Column, LookupOperator.IRegex, pattern);
}
