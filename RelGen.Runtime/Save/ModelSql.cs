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
        // A model with nothing but its identity key (Django's `class P(Model): pass`) writes the key's DEFAULT:
        // "INSERT INTO t () VALUES ()" is not SQL.
        Insert = written.Length == 0
            ? $"INSERT INTO {table} ({key.QuotedColumn}) VALUES (DEFAULT) RETURNING {key.QuotedColumn}"
            : $"INSERT INTO {table} ({Join(written)}) VALUES ({Placeholders(written.Length, 1)})"
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
        SelectByKeys = $"SELECT {Join(model.Columns)} FROM {table} WHERE {key.QuotedColumn} = ANY($1)";
        CopyIn = $"COPY {table} ({Join(model.Columns)}) FROM STDIN (FORMAT BINARY)";
        ReserveKeys = key.IsIdentity
            // The sequence is looked up once, as a function in FROM: in the select list it would be looked up per row.
            ? $"SELECT nextval(s)::{key.SqlType} FROM CAST(pg_get_serial_sequence({Literal(table)}, {Literal(key.Column)}) AS regclass) AS s, generate_series(1, $1)"
            : "";
    }

    public string Insert { get; }
    public string InsertWithKey { get; }
    public string Update { get; }
    public string LockKeys { get; }
    public string DeleteKeys { get; }
    public string SelectByKey { get; }
    public string SelectAllColumns { get; }
    public string SelectByKeys { get; }
    public string CopyIn { get; }

    /// <summary>Takes N values of the identity's sequence, so bulk inserts know their keys without RETURNING.</summary>
    public string ReserveKeys { get; }

    /// <summary>A multi-row insert of <paramref name="rows"/> rows of every written column, returning identity keys in row order.</summary>
    public string InsertRows(ModelMeta model, int rows)
    {
        var written = model.Columns.Where(c => !c.IsIdentity).ToArray();
        if (written.Length == 0)
        {
            // Only an identity key: one DEFAULT row per object (see Insert).
            var defaults = string.Join(", ", Enumerable.Repeat("(DEFAULT)", rows));
            return $"INSERT INTO {model.QuotedTable} ({model.Key.QuotedColumn}) VALUES {defaults} RETURNING {model.Key.QuotedColumn}";
        }
        var sql = new StringBuilder("INSERT INTO ").Append(model.QuotedTable).Append(" (").Append(Join(written)).Append(") VALUES ");
        var parameter = 1;
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var i = 0; i < written.Length; i++)
                sql.Append(i == 0 ? "$" : ", $").Append(parameter++);
            sql.Append(')');
        }
        if (model.Key.IsIdentity)
            sql.Append(" RETURNING ").Append(model.Key.QuotedColumn);
        return sql.ToString();
    }

    // Table names are identifiers from the generator; as a regclass literal they are quoted once more.
    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static ModelSql For(ModelMeta model) => model.Sql ??= new ModelSql(model);

    private static string Join(IEnumerable<ColumnMeta> columns) => string.Join(", ", columns.Select(c => c.QuotedColumn));

    private static string Placeholders(int count, int first)
        => string.Join(", ", Enumerable.Range(first, count).Select(i => "$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
