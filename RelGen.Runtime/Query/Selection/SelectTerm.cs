using System.ComponentModel;
using System.Data.Common;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>One term of a projection: what it adds to the select list, and how many columns it reads back.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class SelectTerm
{
    private protected SelectTerm()
    {
    }

    /// <summary>Writes the term's shape (a <see cref="ShapeOp.Project"/> token and what follows) and its values.</summary>
    internal abstract void Write(ShapeWriter writer);

    /// <summary>The number of columns the term reads: one, or every column of a model.</summary>
    internal abstract int Width { get; }
}

/// <summary>A projection term read back as a <typeparamref name="TValue"/>, by ordinal with a typed getter.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class SelectTerm<TValue> : SelectTerm
{
    private protected SelectTerm()
    {
    }

    /// <summary>Reads the value from the columns starting at <paramref name="ordinal"/>.</summary>
    internal abstract TValue Read(DbDataReader reader, int ordinal, LoadContext context);
}
