using System.Data.Common;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// The model itself (<c>r =&gt; r</c>) or a forward-related one (<c>a =&gt; a.Reporter</c>) as a projection term: every column,
/// read by the generated reader, so the object can lazy-load and be saved like any other. Null when a nullable relation
/// points at nothing.
/// </summary>
internal sealed class ModelTerm<TModel>(RelationPath? path) : SelectTerm<TModel> where TModel : class, IModel<TModel>
{
    private readonly ModelDescriptor<TModel> _model = TModel.RelGenModel;

    internal override int Width => _model.Columns.Count;

    internal override void Write(ShapeWriter writer) => writer.Token(ShapeOp.Project, ProjectFlags.Model, path, _model);

    internal override TModel Read(DbDataReader reader, int ordinal, LoadContext context)
        => reader.IsDBNull(ordinal + _model.Key.Ordinal) ? null! : _model.Read(reader, ordinal, context);

    public override string ToString() => path?.ToString() ?? _model.Name;
}
