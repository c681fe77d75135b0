using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// Which columns an update may set or read: the updated model's own, reached through no relation (a relation's key read as
/// <c>a.Reporter.Id</c> is the model's own <c>reporter_id</c>, as in a filter). Everything else is refused before anything is
/// sent, naming what was asked for.
/// </summary>
internal static class OwnColumns
{
    /// <summary>The model's own column that <paramref name="column"/> is, or null when it belongs to a related model.</summary>
    public static ColumnDescriptor? Of(ModelDescriptor model, RelationPath? path, ColumnDescriptor column)
    {
        if (path is null)
            return column.Model == model ? column : null;
        // reporter.Id is reporter_id on the article itself (Django's reporter__pk), as QueryLevel.Resolve reads it.
        return column.IsKey && path is { IsReverse: false, Parent: null } && path.Relation.Source == model ? path.Relation.Column : null;
    }

    /// <summary>The columns <paramref name="fields"/> names, each a plain column of <typeparamref name="T"/> other than its key and version.</summary>
    public static List<ColumnDescriptor<T>> Fields<T, TLookup>(TLookup root, Func<TLookup, IEnumerable<SqlExpression>> fields, string method)
        where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(fields);
        var model = T.RelGenModel;
        var columns = new List<ColumnDescriptor<T>>();
        foreach (var field in fields(root) ?? throw new ArgumentNullException(nameof(fields)))
        {
            var own = field is IColumnField { Column: { Transform: DateTransform.None } reference } ? Of(model, reference.Path, reference.Column) : null;
            if (own is null)
                throw new ArgumentException($"{method} takes fields of {model.Name} itself; '{field}' is not one.", nameof(fields));
            if (own.IsKey || own.IsVersion)
                throw new ArgumentException($"{method} cannot set {own}: {(own.IsKey ? "the key identifies the row" : "the version is set by every update")}.", nameof(fields));
            var typed = model.TypedColumns[own.Ordinal];
            if (!columns.Contains(typed))
                columns.Add(typed);
        }
        return columns;
    }

    /// <summary>Refuses an assignment that sets or reads anything but the updated model's own columns; checks its value.</summary>
    public static void Check(ModelDescriptor model, Assignment assignment)
    {
        var target = assignment.Target;
        if (target.Path is not null || target.Transform != DateTransform.None || target.Column.Model != model)
            throw new InvalidOperationException(
                $"An update of {model.Name} can set only fields of {model.Name} itself; '{target}' is {(target.Transform != DateTransform.None ? "a part of a date" : "a field of a related model")}. "
                + "Update that model's own query set instead. Nothing was sent.");
        if (target.Column.IsKey)
            throw new InvalidOperationException($"An update of {model.Name} cannot set its key {target.Column.Property}. Nothing was sent.");
        if (assignment.Expression is { } expression)
        {
            var writer = ShapeWriter.Rent(null);
            try
            {
                expression.Write(writer);
                for (var i = 0; i < writer.Count; i++)
                {
                    var token = writer.Tokens[i];
                    if (token.Op == ShapeOp.Column && Of(model, (RelationPath?)token.A, (ColumnDescriptor)token.B!) is null)
                        throw new InvalidOperationException(
                            $"An update of {model.Name} can compute {target.Column.Property} only from fields of {model.Name} itself; '{expression}' reads {token.A}.{((ColumnDescriptor)token.B!).Property} (Django: joined field references are not permitted). Nothing was sent.");
                }
            }
            finally
            {
                ShapeWriter.Return(writer);
            }
        }
        assignment.Check();
    }
}
