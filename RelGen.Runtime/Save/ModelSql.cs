using System.Text;
using RelGen.Schema;

namespace RelGen.Save;

/// <summary>The statements a model's saves and deletes use, built once per model from its metadata.</summary>
internal sealed class ModelSql
{
    private ModelSql(ModelMeta model)
    {
        var key = model.Key;
        var table = model.QuotedTable;
        var written = model.Columns.Where(c => !c.IsIdentity).ToArray();
        Insert = $"INSERT INTO {table} ({Join(written)}) VALUES ({Placeholders(written.Length, 1)})"
                 + (key.IsIdentity ? $" RETURNING {key.QuotedColumn}" : "");
        InsertWithKey = $"INSERT INTO {table} ({Join(model.Columns)}) VALUES ({Placeholders(model.Columns.Length, 1)})";
        var others = model.Columns.Where(c => !c.IsKey).ToArray();
        var set = new StringBuilder();
        for (var i = 0; i < others.Length; i++)
            set.Append(i == 0 ? "" : ", ").Append(others[i].QuotedColumn).Append(" = $").Append(i + 1);
        Update = others.Length == 0
            ? $"UPDATE {table} SET {key.QuotedColumn} = {key.QuotedColumn} WHERE {key.QuotedColumn} = $1"
            : $"UPDATE {table} SET {set} WHERE {key.QuotedColumn} = ${others.Length + 1}";
        LockKeys = $"SELECT {key.QuotedColumn} FROM {table} WHERE {key.QuotedColumn} = ANY($1) FOR UPDATE";
        DeleteKeys = $"DELETE FROM {table} WHERE {key.QuotedColumn} = ANY($1)";
        SelectByKey = $"SELECT {Join(model.Columns)} FROM {table} WHERE {key.QuotedColumn} = $1";
        SelectAllColumns = $"SELECT {Join(model.Columns)} FROM {table}";
        CopyIn = $"COPY {table} ({Join(written)}) FROM STDIN (FORMAT BINARY)";
    }

    public string Insert { get; }
    public string InsertWithKey { get; }
    public string Update { get; }
    public string LockKeys { get; }
    public string DeleteKeys { get; }
    public string SelectByKey { get; }
    public string SelectAllColumns { get; }
    public string CopyIn { get; }

    public static ModelSql For(ModelMeta model) => model.Sql ??= new ModelSql(model);

    private static string Join(IEnumerable<ColumnMeta> columns) => string.Join(", ", columns.Select(c => c.QuotedColumn));

    private static string Placeholders(int count, int first)
        => string.Join(", ", Enumerable.Range(first, count).Select(i => "$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
