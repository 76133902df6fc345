namespace Vigil.Ingest.Deduplication;

/// <summary>
/// A set of 64-bit hashes (2 and up; 0 marks an empty slot and 1 a removed one) in one table: open addressing with
/// linear probing, 8 bytes a slot, kept between 35% and 70% full while ids are added (11.4-22.9 bytes an element; it
/// halves below 1/8 full). Deletion shifts the following run back instead of leaving tombstones, so lookups never
/// slow down as hours are evicted. Not thread-safe: <see cref="EventDeduplicator"/> guards it.
/// </summary>
/// <remarks>
/// <para><b>No call pays for a whole table.</b> With millions of ids, anything done to every id at once held the
/// de-duplicator's lock, and so every ingest request, for hundreds of milliseconds or more. So:</para>
/// <list type="bullet">
/// <item>Resizing moves a few slots of the old table per add into the new one, while lookups check both
/// (<see cref="IsMoving"/>); the old table's probe runs stay intact because nothing is shifted in it.</item>
/// <item>A removal while moving removes from the new table and marks the id removed in the old one (a tombstone,
/// skipped by the move and by lookups), instead of finishing the move first.</item>
/// <item>Once the table is half full, the next (doubled) table is allocated and its pages touched a share per add
/// (<see cref="SlotTable.Prefault"/>), so by the time it is needed the move writes into memory already mapped.</item>
/// </list>
/// </remarks>
internal sealed class UInt64HashSet
{
    /// <summary>The mark of a removed id in a table being moved from; never a valid hash.</summary>
    public const ulong Removed = 1;

    private const int MinCapacity = 1024;

    // 8 GB of slots; past it the table stops doubling and refuses ids at 90 % full rather than overflow its length.
    private const int MaxCapacity = 1 << 30;

    // Old slots moved per add while moving: growing ends within an eighth of the old capacity's adds, when the new
    // table is at most 41 % full, so growing never starts again before it has ended.
    private const int MovedPerAdd = 8;

    private SlotTable _table = SlotTable.Allocate(MinCapacity);
    private SlotTable? _movingFrom;
    private int _moved;
    private SlotTable? _next;

    public int Count { get; private set; }

    /// <summary>Whether ids are still being moved into a resized table.</summary>
    internal bool IsMoving => _movingFrom is not null;

    /// <summary>Whether the table the next growth will use is allocated and fully mapped.</summary>
    internal bool NextTableReady => _next is { IsPrefaulted: true };

    /// <summary>The current table's slots.</summary>
    internal int Capacity => _table.Length;

    public bool Contains(ulong hash)
    {
        CheckHash(hash);
        return Find(_table, hash) >= 0 || (_movingFrom is { } old && Find(old, hash) >= 0);
    }

    /// <summary>Adds a hash; false when it was already there.</summary>
    public bool Add(ulong hash)
    {
        CheckHash(hash);
        if (_movingFrom is null)
        {
            if (_table.Length == MaxCapacity)
            {
                if ((Count + 1) * 10L > _table.Length * 9L)
                {
                    throw new InvalidOperationException($"The de-duplication set holds {Count:N0} ids, the most it can; shorten the retention.");
                }
            }
            else if ((Count + 1) * 10L > _table.Length * 7L)
            {
                StartMove(_table.Length * 2);
            }
            else if (Count * 2L >= _table.Length)
            {
                PrepareNext();
            }
        }

        if (_movingFrom is { } old)
        {
            if (Find(old, hash) >= 0)
            {
                return false;
            }

            MoveSome(MovedPerAdd);
        }

        var table = _table;
        for (var i = Home(hash, table.Mask); ; i = (i + 1) & table.Mask)
        {
            ref var slot = ref table[i];
            if (slot == hash)
            {
                return false;
            }

            if (slot == 0)
            {
                slot = hash;
                Count++;
                return true;
            }
        }
    }

    public bool Remove(ulong hash)
    {
        CheckHash(hash);

        // While moving, a moved id is in both tables (the old one is never shifted), an unmoved one only in the old.
        var removed = RemoveShifting(_table, hash);
        if (_movingFrom is { } old && Find(old, hash) is var index and >= 0)
        {
            old[index] = Removed;
            removed = true;
        }

        if (!removed)
        {
            return false;
        }

        Count--;
        if (_movingFrom is null && _table.Length > MinCapacity && Count * 8L < _table.Length)
        {
            StartMove(_table.Length / 2);
        }

        return true;
    }

    private static void CheckHash(ulong hash)
    {
        if (hash <= Removed)
        {
            throw new ArgumentOutOfRangeException(nameof(hash), hash, "0 and 1 mark empty and removed slots.");
        }
    }

    private static int Home(ulong hash, int mask) => (int)(hash >> 32 ^ hash) & mask;

    /// <summary>The slot holding <paramref name="hash"/>, or -1.</summary>
    private static int Find(SlotTable table, ulong hash)
    {
        for (var i = Home(hash, table.Mask); ; i = (i + 1) & table.Mask)
        {
            var slot = table[i];
            if (slot == hash)
            {
                return i;
            }

            if (slot == 0)
            {
                return -1;
            }
        }
    }

    private static bool RemoveShifting(SlotTable table, ulong hash)
    {
        var i = Find(table, hash);
        if (i < 0)
        {
            return false;
        }

        // Backward-shift deletion: move each later entry of the run into the hole unless its home lies
        // (cyclically) after the hole, which would make it unreachable from there.
        var mask = table.Mask;
        var hole = i;
        for (var j = (hole + 1) & mask; table[j] != 0; j = (j + 1) & mask)
        {
            var home = Home(table[j], mask);
            var reachable = hole <= j ? home > hole && home <= j : home > hole || home <= j;
            if (!reachable)
            {
                table[hole] = table[j];
                hole = j;
            }
        }

        table[hole] = 0;
        return true;
    }

    /// <summary>Puts a hash known to be absent from <paramref name="table"/> into it.</summary>
    private static void Insert(SlotTable table, ulong hash)
    {
        for (var i = Home(hash, table.Mask); ; i = (i + 1) & table.Mask)
        {
            ref var slot = ref table[i];
            if (slot == 0)
            {
                slot = hash;
                return;
            }
        }
    }

    /// <summary>
    /// Allocates the doubled table and maps its pages in step with the adds: all of them by 65 % full, before the
    /// growth at 70 % needs them.
    /// </summary>
    private void PrepareNext()
    {
        var next = _next ??= SlotTable.Allocate(_table.Length * 2);
        if (!next.IsPrefaulted)
        {
            var share = (Count - _table.Length / 2 + 1) / (_table.Length * 0.15);
            next.Prefault((int)Math.Min(next.Length, next.Length * share));
        }
    }

    private void StartMove(int capacity)
    {
        // The new table first: if allocating it throws, the set is left as it was.
        SlotTable target;
        if (_next is { } next && next.Length == capacity)
        {
            target = next;
        }
        else
        {
            target = SlotTable.Allocate(capacity);
            _next?.Free();
        }

        _next = null;
        _movingFrom = _table;
        _moved = 0;
        _table = target;
    }

    /// <summary>Moves up to <paramref name="count"/> slots of the table being moved from into the current one.</summary>
    private void MoveSome(int count)
    {
        var old = _movingFrom!;
        var end = Math.Min(old.Length, _moved + count);
        for (; _moved < end; _moved++)
        {
            if (old[_moved] is var hash and > Removed)
            {
                Insert(_table, hash);
            }
        }

        if (_moved == old.Length)
        {
            _movingFrom = null;
            old.Free();
        }
    }
}
