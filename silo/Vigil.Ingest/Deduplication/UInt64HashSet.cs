namespace Vigil.Ingest.Deduplication;

/// <summary>
/// A set of non-zero 64-bit hashes in one array: open addressing with linear probing, 8 bytes a slot, kept between
/// 35% and 70% full while ids are added (11.4-22.9 bytes an element; it halves below 1/8 full). Deletion shifts the
/// following run back instead of leaving tombstones, so lookups never slow down as hours are evicted. Not
/// thread-safe: <see cref="EventDeduplicator"/> guards it.
/// </summary>
/// <remarks>
/// Growing does not rehash every id at once: with millions of ids that held the deduplicator's lock, and so every
/// ingest request, for hundreds of milliseconds. The doubled table is filled a few slots of the old one per add,
/// while lookups check both; the old table is not changed meanwhile, so its probe runs stay intact. A removal (hour
/// eviction, a rare path) first finishes the move.
/// </remarks>
internal sealed class UInt64HashSet
{
    private const int MinCapacity = 1024;

    // Old slots moved per add while growing: the move ends within an eighth of the old capacity's adds, when the new
    // table is at most 41 % full, so growing never starts again before it has ended.
    private const int MovedPerAdd = 8;

    private ulong[] _slots = new ulong[MinCapacity];
    private int _mask = MinCapacity - 1;
    private ulong[]? _growingFrom;
    private int _moved;

    public int Count { get; private set; }

    /// <summary>Whether ids are still being moved into a grown table.</summary>
    internal bool IsGrowing => _growingFrom is not null;

    public bool Contains(ulong hash) => Find(_slots, hash) || (_growingFrom is { } old && Find(old, hash));

    /// <summary>Adds a hash; false when it was already there.</summary>
    public bool Add(ulong hash)
    {
        if (_growingFrom is null && (Count + 1) * 10L > _slots.Length * 7L)
        {
            _growingFrom = _slots;
            _moved = 0;
            _slots = new ulong[_slots.Length * 2];
            _mask = _slots.Length - 1;
        }

        if (_growingFrom is { } old)
        {
            if (Find(old, hash))
            {
                return false;
            }

            MoveSome(MovedPerAdd);
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
        if (_growingFrom is { } old)
        {
            MoveSome(old.Length);
        }

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

    private static int Home(ulong hash, int mask) => (int)(hash >> 32 ^ hash) & mask;

    private static bool Find(ulong[] slots, ulong hash)
    {
        var mask = slots.Length - 1;
        for (var i = Home(hash, mask); ; i = (i + 1) & mask)
        {
            var slot = slots[i];
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

    private int Home(ulong hash) => Home(hash, _mask);

    /// <summary>Moves up to <paramref name="count"/> slots of the table being grown from into the current one.</summary>
    private void MoveSome(int count)
    {
        var old = _growingFrom!;
        var end = Math.Min(old.Length, _moved + count);
        for (; _moved < end; _moved++)
        {
            if (old[_moved] is var hash and not 0)
            {
                Insert(hash);
            }
        }

        if (_moved == old.Length)
        {
            _growingFrom = null;
        }
    }

    /// <summary>Puts a hash known to be absent from the current table into it.</summary>
    private void Insert(ulong hash)
    {
        for (var i = Home(hash); ; i = (i + 1) & _mask)
        {
            if (_slots[i] == 0)
            {
                _slots[i] = hash;
                return;
            }
        }
    }

    private void Resize(int capacity)
    {
        var old = _slots;
        _slots = new ulong[capacity];
        _mask = capacity - 1;
        foreach (var hash in old)
        {
            if (hash != 0)
            {
                Insert(hash);
            }
        }
    }
}
