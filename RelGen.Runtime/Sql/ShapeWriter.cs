using Npgsql;
using RelGen.Execution;
using RelGen.Query;

namespace RelGen.Sql;

/// <summary>
/// The one pass over a query: each part of the query writes its shape tokens here and, in the same call, adds its values to
/// <see cref="Parameters"/> in placeholder order. The writer is reused per thread (a query is written synchronously), so a
/// query whose SQL is cached allocates nothing for its shape.
/// </summary>
internal sealed class ShapeWriter
{
    [ThreadStatic]
    private static ShapeWriter? _cached;

    private ShapeToken[] _tokens = new ShapeToken[32];
    private int _count;
    private NpgsqlParameterCollection? _parameters;

    private ShapeWriter()
    {
    }

    public int Count => _count;

    public ShapeToken[] Tokens => _tokens;

    /// <summary>Where values go; null when only the shape is wanted (<c>ToSql()</c>).</summary>
    public NpgsqlParameterCollection? Parameters => _parameters;

    public static ShapeWriter Rent(NpgsqlParameterCollection? parameters)
    {
        var writer = _cached ?? new ShapeWriter();
        _cached = null;
        writer._count = 0;
        writer._parameters = parameters;
        return writer;
    }

    public static void Return(ShapeWriter writer)
    {
        writer._parameters = null;
        // Drop references to paths and descriptors of a large query rather than keep them for the thread's lifetime.
        if (writer._count > 256)
            writer._tokens = new ShapeToken[32];
        else
            Array.Clear(writer._tokens, 0, writer._count);
        writer._count = 0;
        _cached = writer;
    }

    public void Token(ShapeOp op, int arg = 0, object? a = null, object? b = null)
    {
        if (_count == _tokens.Length)
            Array.Resize(ref _tokens, _tokens.Length * 2);
        _tokens[_count++] = new ShapeToken(op, arg, a, b);
    }

    public void Column(ColumnRef column) => Token(ShapeOp.Column, (int)column.Transform, column.Path, column.Column);

    /// <summary>A placeholder, and its value as the next parameter.</summary>
    public void Parameter<T>(T value)
    {
        Token(ShapeOp.Parameter);
        _parameters?.Add(Execution.Parameters.Create(value));
    }

    /// <summary>A placeholder, and a parameter built by the caller (only when parameters are wanted).</summary>
    public void Parameter(Func<NpgsqlParameter> create)
    {
        Token(ShapeOp.Parameter);
        if (_parameters is not null)
            _parameters.Add(create());
    }

    /// <summary>The shape as a cache key over this writer's tokens (valid until the writer is returned).</summary>
    public ShapeKey Key()
    {
        var hash = new HashCode();
        for (var i = 0; i < _count; i++)
            hash.Add(_tokens[i]);
        return new ShapeKey(_tokens, _count, hash.ToHashCode());
    }
}
