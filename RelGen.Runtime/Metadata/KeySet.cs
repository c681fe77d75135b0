using System.Data.Common;
using Npgsql;

namespace RelGen.Metadata;

/// <summary>
/// Keys of one model, each once, in the order first added: what the delete collector gathers per model. Typed by the
/// key (<see cref="KeySet{TKey}"/>), so nothing is boxed and membership is a hash lookup.
/// </summary>
internal abstract class KeySet
{
    public abstract int Count { get; }

    /// <summary>Reads the key at <paramref name="ordinal"/> of every row; returns the keys not seen before.</summary>
    public abstract ValueTask<KeySet> ReadNewAsync(DbDataReader reader, int ordinal, CancellationToken cancellationToken);

    /// <summary>Adds the keys of <paramref name="other"/> (same key type); returns those not seen before.</summary>
    public abstract KeySet AddNew(KeySet other);

    /// <summary>Every key as one array parameter.</summary>
    public abstract NpgsqlParameter ToParameter();
}

/// <inheritdoc cref="KeySet"/>
internal sealed class KeySet<TKey> : KeySet where TKey : notnull
{
    private readonly HashSet<TKey> _seen = [];
    private readonly List<TKey> _keys = [];

    public override int Count => _keys.Count;

    public IReadOnlyList<TKey> Keys => _keys;

    public bool Contains(TKey key) => _seen.Contains(key);

    public bool Add(TKey key)
    {
        if (!_seen.Add(key))
            return false;
        _keys.Add(key);
        return true;
    }

    public override async ValueTask<KeySet> ReadNewAsync(DbDataReader reader, int ordinal, CancellationToken cancellationToken)
    {
        var fresh = new KeySet<TKey>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = reader.GetFieldValue<TKey>(ordinal);
            if (Add(key))
                fresh.Add(key);
        }
        return fresh;
    }

    public override KeySet AddNew(KeySet other)
    {
        var fresh = new KeySet<TKey>();
        foreach (var key in ((KeySet<TKey>)other)._keys)
        {
            if (Add(key))
                fresh.Add(key);
        }
        return fresh;
    }

    public override NpgsqlParameter ToParameter() => new NpgsqlParameter<TKey[]> { TypedValue = [.. _keys] };
}
