namespace RelGen.Stress.Workload;

/// <summary>Keys and names of rows some writer created, for the others to pick from (some will be gone by then).</summary>
internal sealed class KeyPool
{
    private readonly List<(int Id, string Name)> _entries = [];

    public void Add(int id, string name)
    {
        lock (_entries)
            _entries.Add((id, name));
    }

    public void Remove(int id)
    {
        lock (_entries)
            _entries.RemoveAll(e => e.Id == id);
    }

    public bool TryPick(Random random, out (int Id, string Name) entry)
    {
        lock (_entries)
        {
            if (_entries.Count == 0)
            {
                entry = default;
                return false;
            }
            entry = _entries[random.Next(_entries.Count)];
            return true;
        }
    }
}
