using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using RelGen.Metadata;

namespace RelGen.Save;

/// <summary>The statements a model's saves and deletes use, built once per model (and per set of changed columns) from its descriptor.</summary>
internal sealed class ModelSql
{
    private static readonly ConcurrentDictionary<ModelDescriptor, ModelSql> ByModel = new();

    private readonly ModelDescriptor _model;
    private readonly ConcurrentDictionary<ulong, string> _updates = new();

    private ModelSql(ModelDescriptor model)
    {
        _model = model;
        var key = model.Key;
        var table = model.QuotedTable;
        var written = model.Columns.Where(c => !c.IsIdentity).ToArray();
        // A model with nothing but its identity key (Django's `class P(Model): pass`) writes the key's DEFAULT:
        // "INSERT INTO t () VALUES ()" is not SQL.
        Insert = written.Length == 0
            ? $"INSERT INTO {table} ({key.QuotedName}) VALUES (DEFAULT) RETURNING {key.QuotedName}"
            : $"INSERT INTO {table} ({Join(written)}) VALUES ({Placeholders(written.Length)})"
              + (key.IsIdentity ? $" RETURNING {key.QuotedName}" : "");
        InsertWithKey = $"INSERT INTO {table} ({Join(model.Columns)}) VALUES ({Placeholders(model.Columns.Count)})";
        InsertWithKeyIfAbsent = InsertWithKey + $" ON CONFLICT ({key.QuotedName}) DO NOTHING";
        LockKeys = $"SELECT {key.QuotedName} FROM {table} WHERE {key.QuotedName} = ANY($1) FOR UPDATE";
        DeleteKeys = $"DELETE FROM {table} WHERE {key.QuotedName} = ANY($1)";
        SelectByKeys = $"SELECT {Join(model.Columns)} FROM {table} WHERE {key.QuotedName} = ANY($1)";
        SelectAllColumns = $"SELECT {Join(model.Columns)} FROM {table}";
        CopyIn = $"COPY {table} ({Join(model.Columns)}) FROM STDIN (FORMAT BINARY)";
        CopyInWithoutKey = key.IsIdentity && written.Length > 0 ? $"COPY {table} ({Join(written)}) FROM STDIN (FORMAT BINARY)" : "";
        var sequence = $"pg_get_serial_sequence({Literal(table)}, {Literal(key.Name)})";
        NextKey = key.IsIdentity ? $"SELECT nextval({sequence})" : "";
        LastKey = key.IsIdentity ? $"SELECT currval({sequence})" : "";
        ReserveKeys = key.IsIdentity
            // The sequence is looked up once, as a function in FROM: in the select list it would be looked up per row. The
            // series is a select-list function in a subquery, which streams its rows; in FROM it would first be stored
            // whole (a million keys: 0.23 s instead of 0.30 s on the server).
            ? $"SELECT nextval(s)::{key.SqlType} FROM CAST(pg_get_serial_sequence({Literal(table)}, {Literal(key.Name)}) AS regclass) AS s, (SELECT generate_series(1, $1)) AS g"
            : "";
    }

    public string Insert { get; }
    public string InsertWithKey { get; }

    /// <summary><see cref="InsertWithKey"/> that inserts nothing when a row has the key (a versioned object's first save).</summary>
    public string InsertWithKeyIfAbsent { get; }
    public string LockKeys { get; }
    public string DeleteKeys { get; }
    public string SelectByKeys { get; }
    public string SelectAllColumns { get; }
    public string CopyIn { get; }

    /// <summary>The COPY of every column but the identity key, which the database assigns (its DEFAULT).</summary>
    public string CopyInWithoutKey { get; }

    /// <summary>The identity sequence's next value (bigint), drawn by this session.</summary>
    public string NextKey { get; }

    /// <summary>The identity sequence's value this session drew last (bigint).</summary>
    public string LastKey { get; }

    /// <summary>Takes N values of the identity's sequence, so bulk inserts know their keys without RETURNING.</summary>
    public string ReserveKeys { get; }

    /// <summary>The change mask of "every non-key column", for models wider than a mask.</summary>
    public const ulong AllColumns = ulong.MaxValue;

    public static ModelSql For(ModelDescriptor model) => ByModel.GetOrAdd(model, static m => new ModelSql(m));

    /// <summary>
    /// <c>UPDATE … SET</c> the columns in <paramref name="columns"/> (bit <c>i</c> is the column of ordinal <c>i</c>) <c>WHERE key = $n</c>,
    /// the key's placeholder after the values; with a version, <c>version = version + 1</c> is set too and
    /// <c>AND version = $n+1</c> matches the version the object holds. Built once per set of columns.
    /// </summary>
    public string Update(ulong columns)
        => _updates.GetOrAdd(columns, static (c, self) => self.BuildUpdate(self._model.Columns.Where(column => Includes(c, column))), this);

    /// <summary>True when the change mask <paramref name="columns"/> sets <paramref name="column"/>: never the key or the version, which the statement handles.</summary>
    public static bool Includes(ulong columns, ColumnDescriptor column)
        => !column.IsKey && !column.IsVersion && (columns == AllColumns || (column.Ordinal < 64 && (columns & (1UL << column.Ordinal)) != 0));

    private string BuildUpdate(IEnumerable<ColumnDescriptor> columns)
    {
        var sql = new StringBuilder("UPDATE ").Append(_model.QuotedTable).Append(" SET ");
        var parameter = 0;
        var assignments = 0;
        foreach (var column in columns)
        {
            sql.Append(assignments++ == 0 ? "" : ", ").Append(column.QuotedName).Append(" = $").Append(++parameter);
        }
        var key = _model.Key.QuotedName;
        var version = _model.Version;
        if (version is not null)
            sql.Append(assignments++ == 0 ? "" : ", ").Append(version.QuotedName).Append(" = ").Append(version.QuotedName).Append(" + 1");
        if (assignments == 0)
            sql.Append(key).Append(" = ").Append(key);
        sql.Append(" WHERE ").Append(key).Append(" = $").Append(++parameter);
        if (version is not null)
            sql.Append(" AND ").Append(version.QuotedName).Append(" = $").Append(++parameter);
        return sql.ToString();
    }

    /// <summary>A multi-row insert of <paramref name="rows"/> rows of every written column, returning identity keys in row order.</summary>
    public string InsertRows(int rows)
    {
        var model = _model;
        var written = model.Columns.Where(c => !c.IsIdentity).ToArray();
        if (written.Length == 0)
        {
            // Only an identity key: one DEFAULT row per object (see Insert).
            var defaults = string.Join(", ", Enumerable.Repeat("(DEFAULT)", rows));
            return $"INSERT INTO {model.QuotedTable} ({model.Key.QuotedName}) VALUES {defaults} RETURNING {model.Key.QuotedName}";
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
            sql.Append(" RETURNING ").Append(model.Key.QuotedName);
        return sql.ToString();
    }

    // Table names are identifiers from the generator; as a regclass literal they are quoted once more.
    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Join(IEnumerable<ColumnDescriptor> columns) => string.Join(", ", columns.Select(c => c.QuotedName));

    private static string Placeholders(int count)
        => string.Join(", ", Enumerable.Range(1, count).Select(i => "$" + i.ToString(CultureInfo.InvariantCulture)));
}
