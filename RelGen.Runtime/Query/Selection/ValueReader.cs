using System.Data.Common;
using System.Runtime.CompilerServices;
using Npgsql;

namespace RelGen.Query;

/// <summary>
/// Reads one column as a <typeparamref name="T"/> with Npgsql's typed getter, chosen once per type: no boxing, no reflection
/// per row. An enum is read as the integer its column stores; a reference type reads NULL as null. A non-nullable value
/// type is never asked to read a NULL (<see cref="ExpressionTerm{TValue}"/> refuses it first).
/// </summary>
internal static class ValueReader<T>
{
    public static readonly Func<DbDataReader, int, T> Read = Create();

    private static Func<DbDataReader, int, T> Create()
    {
        if (typeof(T).IsEnum)
            return static (reader, ordinal) => FromInt64(Get<long>(reader, ordinal));
        if (!typeof(T).IsValueType)
            return static (reader, ordinal) => reader.IsDBNull(ordinal) ? default! : Get<T>(reader, ordinal);
        return static (reader, ordinal) => Get<T>(reader, ordinal);
    }

    // DbDataReader.GetFieldValue<T> is a generic virtual method, dispatched through a runtime lookup on every call; on the
    // sealed NpgsqlDataReader it is an ordinary call (inlined for value types), which is what hand-written code makes.
    private static TValue Get<TValue>(DbDataReader reader, int ordinal)
        => reader is NpgsqlDataReader npgsql ? npgsql.GetFieldValue<TValue>(ordinal) : reader.GetFieldValue<TValue>(ordinal);

    private static T FromInt64(long value)
    {
        switch (Unsafe.SizeOf<T>())
        {
            case 1:
                var b = (byte)value;
                return Unsafe.As<byte, T>(ref b);
            case 2:
                var s = (short)value;
                return Unsafe.As<short, T>(ref s);
            case 4:
                var i = (int)value;
                return Unsafe.As<int, T>(ref i);
            default:
                return Unsafe.As<long, T>(ref value);
        }
    }
}

/// <summary>Reads a nullable value: NULL as null, anything else as <see cref="ValueReader{T}"/> reads it.</summary>
internal static class NullableReader<T> where T : struct
{
    public static readonly Func<DbDataReader, int, T?> Read = static (reader, ordinal) => reader.IsDBNull(ordinal) ? null : ValueReader<T>.Read(reader, ordinal);
}

/// <summary>The reader of a field whose property type <typeparamref name="TValue"/> is <typeparamref name="T"/> or <c>T?</c>.</summary>
internal static class FieldReader<T, TValue> where T : struct
{
    public static readonly Func<DbDataReader, int, TValue> Read = typeof(TValue) == typeof(T)
        ? (Func<DbDataReader, int, TValue>)(object)ValueReader<T>.Read
        : (Func<DbDataReader, int, TValue>)(object)NullableReader<T>.Read;
}
