using System.ComponentModel;
using Npgsql;

namespace RelGen.Schema;

/// <summary>Typed parameter and COPY helpers the generated binders call: no boxing for values.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Param
{
    public static void Add<T>(NpgsqlParameterCollection parameters, T value)
        => parameters.Add(new NpgsqlParameter<T> { TypedValue = value });

    public static void AddNullable<T>(NpgsqlParameterCollection parameters, T? value) where T : struct
    {
        if (value.HasValue)
            parameters.Add(new NpgsqlParameter<T> { TypedValue = value.GetValueOrDefault() });
        else
            parameters.Add(new NpgsqlParameter { Value = DBNull.Value });
    }

    public static void AddReference<T>(NpgsqlParameterCollection parameters, T? value) where T : class
    {
        if (value is not null)
            parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
        else
            parameters.Add(new NpgsqlParameter { Value = DBNull.Value });
    }

    public static void Copy<T>(NpgsqlBinaryImporter importer, T value) => importer.Write(value);

    public static void CopyNullable<T>(NpgsqlBinaryImporter importer, T? value) where T : struct
    {
        if (value.HasValue)
            importer.Write(value.GetValueOrDefault());
        else
            importer.WriteNull();
    }

    public static void CopyReference<T>(NpgsqlBinaryImporter importer, T? value) where T : class
    {
        if (value is not null)
            importer.Write(value);
        else
            importer.WriteNull();
    }
}
