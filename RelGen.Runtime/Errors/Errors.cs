using Npgsql;

namespace RelGen;

/// <summary>Error translation, kept off the hot paths.</summary>
internal static class Errors
{
    /// <summary>Class 23: integrity constraint violations (unique, foreign key, not null, check, exclusion).</summary>
    public static bool IsIntegrityError(PostgresException e) => e.SqlState.StartsWith("23", StringComparison.Ordinal);
}
