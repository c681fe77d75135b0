using System.Collections.Concurrent;
using RelGen.Metadata;

namespace RelGen.Delete;

/// <summary>The collector's per-model statements, built once per model.</summary>
internal sealed class DeleteSql
{
    private static readonly ConcurrentDictionary<ModelDescriptor, DeleteSql> ByModel = new();

    private DeleteSql(ModelDescriptor model)
    {
        var key = model.Key.QuotedName;
        var table = model.QuotedTable;
        // Locks in key order, so two deletes over overlapping rows wait for each other instead of deadlocking.
        LockKeys = $"SELECT {key} FROM {table} WHERE {key} = ANY($1) ORDER BY {key} FOR UPDATE";
        DeleteKeys = $"DELETE FROM {table} WHERE {key} = ANY($1)";
    }

    /// <summary>Selects and locks the rows whose keys are in <c>$1</c>.</summary>
    public string LockKeys { get; }

    /// <summary>Deletes the rows whose keys are in <c>$1</c>.</summary>
    public string DeleteKeys { get; }

    public static DeleteSql For(ModelDescriptor model) => ByModel.GetOrAdd(model, static m => new DeleteSql(m));
}
