using System.Collections.Generic;

namespace Ccs.Testing;

/// <summary>Items by key in insertion order, so listings are stable. Not thread-safe: the state locks around it.</summary>
internal sealed class OrderedStore<TKey, TValue>
    where TKey : notnull
{
    private readonly List<TKey> _order = [];
    private readonly Dictionary<TKey, TValue> _items;

    public OrderedStore(IEqualityComparer<TKey>? comparer = null) => _items = new Dictionary<TKey, TValue>(comparer);

    public void Add(TKey key, TValue value)
    {
        _items.Add(key, value);
        _order.Add(key);
    }

    public void Replace(TKey key, TValue value)
    {
        if (!_items.ContainsKey(key))
        {
            throw new KeyNotFoundException($"No item has the key '{key}'.");
        }

        _items[key] = value;
    }

    public bool Remove(TKey key)
    {
        if (!_items.Remove(key))
        {
            return false;
        }

        _order.Remove(key);
        return true;
    }

    /// <summary>The values in no particular order, without a copy: for counting under the state's lock.</summary>
    public IEnumerable<TValue> Unordered => _items.Values;

    public bool TryGet(TKey key, out TValue value) => _items.TryGetValue(key, out value!);

    public List<TValue> Values()
    {
        var values = new List<TValue>(_order.Count);
        foreach (var key in _order)
        {
            values.Add(_items[key]);
        }

        return values;
    }
}
