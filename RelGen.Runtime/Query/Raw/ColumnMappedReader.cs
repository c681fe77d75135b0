using System.Collections;
using System.Data.Common;

namespace RelGen.Query;

/// <summary>
/// A raw query's reader as a row reader expects it: column <c>i</c> is the result's column <c>ordinals[i]</c> (a model's
/// generated reader reads its columns in declaration order, whatever order <c>SELECT *</c> gave), and its name may be
/// translated (<c>pub_date</c> as <c>PubDate</c>, for Dapper's member matching). Everything else is the inner reader's.
/// </summary>
internal sealed class ColumnMappedReader(DbDataReader inner, int[]? ordinals, string[]? names) : DbDataReader
{
    private int Map(int ordinal) => ordinals is null ? ordinal : ordinals[ordinal];

    public override int FieldCount => ordinals?.Length ?? inner.FieldCount;

    public override string GetName(int ordinal) => names?[ordinal] ?? inner.GetName(Map(ordinal));

    public override int GetOrdinal(string name)
    {
        if (names is not null)
        {
            var found = Array.FindIndex(names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (found >= 0)
                return found;
        }
        var ordinal = inner.GetOrdinal(name);
        return ordinals is null ? ordinal : Array.IndexOf(ordinals, ordinal);
    }

    public override object this[int ordinal] => inner.GetValue(Map(ordinal));
    public override object this[string name] => GetValue(GetOrdinal(name));
    public override int Depth => inner.Depth;
    public override bool HasRows => inner.HasRows;
    public override bool IsClosed => inner.IsClosed;
    public override int RecordsAffected => inner.RecordsAffected;
    public override bool GetBoolean(int ordinal) => inner.GetBoolean(Map(ordinal));
    public override byte GetByte(int ordinal) => inner.GetByte(Map(ordinal));
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
        => inner.GetBytes(Map(ordinal), dataOffset, buffer, bufferOffset, length);
    public override char GetChar(int ordinal) => inner.GetChar(Map(ordinal));
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
        => inner.GetChars(Map(ordinal), dataOffset, buffer, bufferOffset, length);
    public override string GetDataTypeName(int ordinal) => inner.GetDataTypeName(Map(ordinal));
    public override DateTime GetDateTime(int ordinal) => inner.GetDateTime(Map(ordinal));
    public override decimal GetDecimal(int ordinal) => inner.GetDecimal(Map(ordinal));
    public override double GetDouble(int ordinal) => inner.GetDouble(Map(ordinal));
    [return: System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(
        System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicFields | System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicProperties)]
    public override Type GetFieldType(int ordinal) => inner.GetFieldType(Map(ordinal));
    public override float GetFloat(int ordinal) => inner.GetFloat(Map(ordinal));
    public override Guid GetGuid(int ordinal) => inner.GetGuid(Map(ordinal));
    public override short GetInt16(int ordinal) => inner.GetInt16(Map(ordinal));
    public override int GetInt32(int ordinal) => inner.GetInt32(Map(ordinal));
    public override long GetInt64(int ordinal) => inner.GetInt64(Map(ordinal));
    public override string GetString(int ordinal) => inner.GetString(Map(ordinal));
    public override object GetValue(int ordinal) => inner.GetValue(Map(ordinal));
    public override T GetFieldValue<T>(int ordinal) => inner.GetFieldValue<T>(Map(ordinal));

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++)
            values[i] = GetValue(i);
        return count;
    }

    public override bool IsDBNull(int ordinal) => inner.IsDBNull(Map(ordinal));
    public override bool NextResult() => inner.NextResult();
    public override bool Read() => inner.Read();
    public override Task<bool> ReadAsync(CancellationToken cancellationToken) => inner.ReadAsync(cancellationToken);
    public override IEnumerator GetEnumerator() => new DbEnumerator(this);
}
