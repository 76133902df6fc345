namespace Vigil.Ingest.Deduplication;

/// <summary>
/// A set of non-zero 64-bit hashes in one array: open addressing with linear probing, 8 bytes a slot, kept between
/// 35% and 70% full while ids are added (11.4-22.9 bytes an element; it halves below 1/8 full). Deletion shifts the
/// following run back instead of leaving tombstones, so lookups never slow down as hours are evicted. Not
/// thread-safe: <see cref="EventDeduplicator"/> guards it.
/// </summary>
internal sealed class UInt64HashSet
{
    private const int MinCapacity = 1024;

    private ulong[] _slots = new ulong[MinCapacity];
    private int _mask = MinCapacity - 1;

    public int Count { get; private set; }

    public bool Contains(ulong hash)
    {
        for (var i = Home(hash); ; i = (i + 1) & _mask)
        {
            var slot = _slots[i];
            if (slot == hash)
            {
                return true;
            }

            if (slot == 0)
            {
                return false;
            }
        }
    }

    /// <summary>Adds a hash; false when it was already there.</summary>
    public bool Add(ulong hash)
    {
        if ((Count + 1) * 10L > _slots.Length * 7L)
        {
            Resize(_slots.Length * 2);
        }

        for (var i = Home(hash); ; i = (i + 1) & _mask)
        {
            var slot = _slots[i];
            if (slot == hash)
            {
                return false;
            }

            if (slot == 0)
            {
                _slots[i] = hash;
                Count++;
                return true;
            }
        }
    }

    public bool Remove(ulong hash)
    {
        var i = Home(hash);
        while (_slots[i] != hash)
        {
            if (_slots[i] == 0)
            {
                return false;
            }

            i = (i + 1) & _mask;
        }

        // Backward-shift deletion: move each later entry of the run into the hole unless its home lies
        // (cyclically) after the hole, which would make it unreachable from there.
        var hole = i;
        for (var j = (hole + 1) & _mask; _slots[j] != 0; j = (j + 1) & _mask)
        {
            var home = Home(_slots[j]);
            var reachable = hole <= j ? home > hole && home <= j : home > hole || home <= j;
            if (!reachable)
            {
                _slots[hole] = _slots[j];
                hole = j;
            }
        }

        _slots[hole] = 0;
        Count--;
        if (_slots.Length > MinCapacity && Count * 8L < _slots.Length)
        {
            Resize(_slots.Length / 2);
        }

        return true;
    }

    private int Home(ulong hash) => (int)(hash >> 32 ^ hash) & _mask;

    private void Resize(int capacity)
    {
        var old = _slots;
        _slots = new ulong[capacity];
        _mask = capacity - 1;
        foreach (var hash in old)
        {
            if (hash != 0)
            {
                for (var i = Home(hash); ; i = (i + 1) & _mask)
                {
                    if (_slots[i] == 0)
                    {
                        _slots[i] = hash;
                        break;
                    }
                }
            }
        }
    }
}
