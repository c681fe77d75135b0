using System.Text;
using RelGen.Metadata;
using RelGen.Query;

namespace RelGen.Sql;

/// <summary>
/// One SELECT's FROM clause: the root table and the joins its paths need. Single-valued paths share one join; a
/// multi-valued (reverse) path joins once per filter clause, as Django does.
/// </summary>
internal sealed class QueryLevel(ModelDescriptor model, SqlCompiler compiler)
{
    private readonly List<Join> _joins = [];

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
        // reporter.Id is reporter_id on the article: no join (Django's reporter__pk).
        if (column.IsKey && path is { IsReverse: false } && transform == DateTransform.None)
        {
            column = path.Relation.Column;
            path = path.Parent;
        }
        return (AliasFor(path).Alias, column);
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
