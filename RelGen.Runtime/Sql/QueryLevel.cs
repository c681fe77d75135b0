using System.Text;
using RelGen.Metadata;
using RelGen.Query;

namespace RelGen.Sql;

/// <summary>
/// One SELECT's FROM clause: the root table and the joins its paths need. Single-valued paths share one join; a
/// multi-valued (reverse) path joins once per filter clause, as Django does. A correlated subquery's level (an aggregate's,
/// an <c>EXISTS</c>'s) has an <see cref="Anchor"/>: paths below it resolve here, relative to it, and every other path
/// resolves in the <see cref="Outer"/> level.
/// </summary>
internal sealed class QueryLevel(ModelDescriptor model, SqlCompiler compiler, RelationPath? anchor = null, QueryLevel? outer = null)
{
    private readonly List<Join> _joins = [];

    /// <summary>The path, from the outer query's model, at which this level's root table stands; null for a query of its own.</summary>
    public RelationPath? Anchor { get; } = anchor;

    public QueryLevel? Outer { get; } = outer;

    /// <summary>True when a reverse relation is joined: the level's rows can repeat its root rows.</summary>
    public bool JoinsReverse => _joins.Exists(j => j.IsReverse);

    /// <summary>A level over the same table, correlated to the same outer level (Django's negation across a reverse relation).</summary>
    public QueryLevel Sibling() => new(Model, compiler, Anchor, Outer);

    public ModelDescriptor Model { get; } = model;

    public string RootAlias { get; } = compiler.NextAlias();

    /// <summary>True once a path made this level join another table.</summary>
    public bool HasJoins => _joins.Count > 0;

    /// <summary>
    /// True when every join is an inner join along a forward relation: each row meets exactly one row of each joined table,
    /// so an UPDATE may list them in its FROM without losing or repeating rows.
    /// </summary>
    public bool JoinsAreInnerForward => _joins.TrueForAll(j => j.Inner && !j.IsReverse);

    /// <summary>The joined tables as an UPDATE's FROM list (<c>"reporter" t1, …</c>), and their ON conditions for its WHERE.</summary>
    public void WriteUpdateFrom(StringBuilder from, List<string> conditions)
    {
        foreach (var join in _joins)
        {
            var relation = join.Relation;
            from.Append(from.Length == 0 ? "" : ", ").Append(relation.Target.QuotedTable).Append(' ').Append(join.Alias);
            conditions.Add(join.Alias + "." + relation.Target.Key.QuotedName + " = " + join.ParentAlias + "." + relation.Column.QuotedName);
        }
    }

    /// <summary>The filter clause being written; -1 outside filters (ordering, select-related).</summary>
    public int CurrentGroup { get; set; } = -1;

    /// <summary>Resolves a column to its alias and column, joining what the path needs.</summary>
    public (string Alias, ColumnDescriptor Column) Resolve(RelationPath? path, ColumnDescriptor column, DateTransform transform)
    {
        if (Anchor is not null)
        {
            if (!IsUnder(path, Anchor))
            {
                // An aggregate over one relation reads the outer row, never another relation's rows: those would repeat it.
                if (path is { IsMultiValued: true })
                    throw new InvalidOperationException($"An aggregate or Any() over '{Anchor}' cannot read '{path}', another reverse relation; aggregate that one separately.");
                return Outer!.Resolve(path, column, transform);
            }
            path = Rebase(path!, Anchor);
        }
        // reporter.Id is reporter_id on the article: no join (Django's reporter__pk).
        if (column.IsKey && path is { IsReverse: false } && transform == DateTransform.None)
        {
            column = path.Relation.Column;
            path = path.Parent;
        }
        return (AliasFor(path).Alias, column);
    }

    internal static bool IsUnder(RelationPath? path, RelationPath anchor)
    {
        for (var p = path; p is not null && p.Depth >= anchor.Depth; p = p.Parent)
        {
            if (p.Depth == anchor.Depth)
                return p.Equals(anchor);
        }
        return false;
    }

    /// <summary>The hops of <paramref name="path"/> after <paramref name="anchor"/>; null for the anchor itself.</summary>
    private static RelationPath? Rebase(RelationPath path, RelationPath anchor)
        => path.Depth == anchor.Depth ? null : new RelationPath(Rebase(path.Parent!, anchor), path.Relation, path.IsReverse);

    /// <summary>The alias of a path from the outer query's model (below <see cref="Anchor"/> when there is one).</summary>
    public string AliasOf(RelationPath? path)
    {
        if (Anchor is not null)
        {
            if (!IsUnder(path, Anchor))
                return Outer!.AliasOf(path);
            path = Rebase(path!, Anchor);
        }
        return AliasFor(path).Alias;
    }

    public (string Alias, bool Inner) AliasFor(RelationPath? path)
    {
        if (path is null)
            return (RootAlias, true);
        var (parentAlias, parentInner) = AliasFor(path.Parent);
        var group = path.IsReverse ? CurrentGroup : -1;
        foreach (var join in _joins)
        {
            if (join.ParentAlias == parentAlias && join.Relation == path.Relation && join.IsReverse == path.IsReverse && join.Group == group)
                return (join.Alias, join.Inner);
        }
        var inner = parentInner && !path.IsReverse && !path.Relation.IsNullable;
        var alias = compiler.NextAlias();
        _joins.Add(new Join(parentAlias, path.Relation, path.IsReverse, group, alias, inner));
        return (alias, inner);
    }

    public void WriteFrom(StringBuilder sql)
    {
        sql.Append(" FROM ").Append(Model.QuotedTable).Append(' ').Append(RootAlias);
        foreach (var join in _joins)
        {
            var relation = join.Relation;
            sql.Append(join.Inner ? " INNER JOIN " : " LEFT OUTER JOIN ");
            if (join.IsReverse)
            {
                // The parent is the target; the joined table holds the key column.
                sql.Append(relation.Source.QuotedTable).Append(' ').Append(join.Alias)
                    .Append(" ON ").Append(join.Alias).Append('.').Append(relation.Column.QuotedName)
                    .Append(" = ").Append(join.ParentAlias).Append('.').Append(relation.Target.Key.QuotedName);
            }
            else
            {
                sql.Append(relation.Target.QuotedTable).Append(' ').Append(join.Alias)
                    .Append(" ON ").Append(join.Alias).Append('.').Append(relation.Target.Key.QuotedName)
                    .Append(" = ").Append(join.ParentAlias).Append('.').Append(relation.Column.QuotedName);
            }
        }
    }

    private sealed record Join(string ParentAlias, RelationDescriptor Relation, bool IsReverse, int Group, string Alias, bool Inner);
}
