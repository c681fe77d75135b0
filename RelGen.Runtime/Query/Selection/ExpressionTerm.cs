using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using RelGen.Metadata;
using RelGen.Sql;

namespace RelGen.Query;

/// <summary>
/// A value computed by the database (a field, a related field, an aggregate), read with a typed getter. A NULL in a term
/// whose type cannot hold it (a NOT NULL field reached through a nullable or reverse relation) is refused with the term's
/// name, never turned into a default.
/// </summary>
internal sealed class ExpressionTerm<TValue>(SqlExpression expression, Func<DbDataReader, int, TValue> read) : SelectTerm<TValue>
{
    internal override int Width => 1;

    internal override void Write(ShapeWriter writer)
    {
        writer.Token(ShapeOp.Project);
        expression.Write(writer);
    }

    internal override TValue Read(DbDataReader reader, int ordinal, LoadContext context)
    {
        // Npgsql refuses a NULL for a non-nullable value type itself; asking IsDBNull first would cost every value a second
        // look at its column, so the NULL is told apart only once reading it has failed.
        try
        {
            return read(reader, ordinal);
        }
        catch (Exception) when (default(TValue) is not null && reader.IsDBNull(ordinal))
        {
            ThrowNull();
            return default!;
        }
    }

    [DoesNotReturn]
    private void ThrowNull()
        => throw new InvalidOperationException(
            $"The selected value '{expression}' is NULL in a row, which a {typeof(TValue).Name} cannot hold (a nullable or reverse relation "
            + "has no row there, or an aggregate saw no values). Select it as nullable: '.AsNullable()'.");

    public override string ToString() => expression.ToString() ?? "";
}
