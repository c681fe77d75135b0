namespace RelGen.Query;

public partial class QuerySet<T, TLookup>
{
    /// <summary>
    /// The values of one term per row (Django's <c>values_list(flat=True)</c>): a field (<c>a =&gt; a.Headline</c>), a related
    /// field at any depth (<c>a =&gt; a.Reporter.LastName</c>), the model itself (<c>r =&gt; r</c>), or an aggregate
    /// (<c>r =&gt; r.Article.Count()</c>; with aggregates, the plain terms are grouped by).
    /// </summary>
    public ProjectedQuery<T1> Select<T1>(Func<TLookup, ISelectable<T1>> term1)
        => new(Database, State, Projections.Of(Term(term1)));

    /// <summary>2 terms per row as a value tuple, in order (see <see cref="Select{T1}(Func{TLookup, ISelectable{T1}})"/>).</summary>
    public ProjectedQuery<(T1, T2)> Select<T1, T2>(Func<TLookup, ISelectable<T1>> term1, Func<TLookup, ISelectable<T2>> term2)
        => new(Database, State, Projections.Of(Term(term1), Term(term2)));

    /// <summary>3 terms per row as a value tuple, in order (see <see cref="Select{T1}(Func{TLookup, ISelectable{T1}})"/>).</summary>
    public ProjectedQuery<(T1, T2, T3)> Select<T1, T2, T3>(Func<TLookup, ISelectable<T1>> term1, Func<TLookup, ISelectable<T2>> term2, Func<TLookup, ISelectable<T3>> term3)
        => new(Database, State, Projections.Of(Term(term1), Term(term2), Term(term3)));

    /// <summary>4 terms per row as a value tuple, in order (see <see cref="Select{T1}(Func{TLookup, ISelectable{T1}})"/>).</summary>
    public ProjectedQuery<(T1, T2, T3, T4)> Select<T1, T2, T3, T4>(Func<TLookup, ISelectable<T1>> term1, Func<TLookup, ISelectable<T2>> term2, Func<TLookup, ISelectable<T3>> term3, Func<TLookup, ISelectable<T4>> term4)
        => new(Database, State, Projections.Of(Term(term1), Term(term2), Term(term3), Term(term4)));

    /// <summary>5 terms per row as a value tuple, in order (see <see cref="Select{T1}(Func{TLookup, ISelectable{T1}})"/>).</summary>
    public ProjectedQuery<(T1, T2, T3, T4, T5)> Select<T1, T2, T3, T4, T5>(Func<TLookup, ISelectable<T1>> term1, Func<TLookup, ISelectable<T2>> term2, Func<TLookup, ISelectable<T3>> term3, Func<TLookup, ISelectable<T4>> term4, Func<TLookup, ISelectable<T5>> term5)
        => new(Database, State, Projections.Of(Term(term1), Term(term2), Term(term3), Term(term4), Term(term5)));

    /// <summary>6 terms per row as a value tuple, in order (see <see cref="Select{T1}(Func{TLookup, ISelectable{T1}})"/>).</summary>
    public ProjectedQuery<(T1, T2, T3, T4, T5, T6)> Select<T1, T2, T3, T4, T5, T6>(Func<TLookup, ISelectable<T1>> term1, Func<TLookup, ISelectable<T2>> term2, Func<TLookup, ISelectable<T3>> term3, Func<TLookup, ISelectable<T4>> term4, Func<TLookup, ISelectable<T5>> term5, Func<TLookup, ISelectable<T6>> term6)
        => new(Database, State, Projections.Of(Term(term1), Term(term2), Term(term3), Term(term4), Term(term5), Term(term6)));

    /// <summary>7 terms per row as a value tuple, in order (see <see cref="Select{T1}(Func{TLookup, ISelectable{T1}})"/>).</summary>
    public ProjectedQuery<(T1, T2, T3, T4, T5, T6, T7)> Select<T1, T2, T3, T4, T5, T6, T7>(Func<TLookup, ISelectable<T1>> term1, Func<TLookup, ISelectable<T2>> term2, Func<TLookup, ISelectable<T3>> term3, Func<TLookup, ISelectable<T4>> term4, Func<TLookup, ISelectable<T5>> term5, Func<TLookup, ISelectable<T6>> term6, Func<TLookup, ISelectable<T7>> term7)
        => new(Database, State, Projections.Of(Term(term1), Term(term2), Term(term3), Term(term4), Term(term5), Term(term6), Term(term7)));

    private SelectTerm<TValue> Term<TValue>(Func<TLookup, ISelectable<TValue>> term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return term(Root).RelGenTerm;
    }
}
