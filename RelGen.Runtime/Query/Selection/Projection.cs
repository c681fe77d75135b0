using System.Data.Common;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>
/// The terms of a <c>Select</c> and how a row becomes a <typeparamref name="TResult"/>: one term's value, or a value tuple of
/// several read by ordinal in order (each term knows its width, so the offsets are fixed when the projection is built).
/// </summary>
internal abstract class Projection<TResult>
{
    private protected Projection(SelectTerm[] terms)
    {
        Terms = terms;
        Offsets = new int[terms.Length];
        for (var i = 1; i < terms.Length; i++)
            Offsets[i] = Offsets[i - 1] + terms[i - 1].Width;
    }

    public SelectTerm[] Terms { get; }

    /// <summary>The ordinal of each term's first column.</summary>
    private protected int[] Offsets { get; }

    public abstract TResult Read(DbDataReader reader, LoadContext context);
}
