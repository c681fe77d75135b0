using Npgsql;

namespace RelGen.Execution;

/// <summary>Every value RelGen sends becomes a parameter here: typed, never boxed, never spliced into SQL text.</summary>
internal static class Parameters
{
    public static NpgsqlParameter Create<T>(T value) => new NpgsqlParameter<T> { TypedValue = value };
}
