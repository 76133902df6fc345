using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Rooms;

/// <summary>
/// A room's evidence by category: one slot per <see cref="Category"/>, in category order, allocated with the room.
/// </summary>
/// <remarks>
/// A dictionary grew its arrays as a room met new categories (every room meets most of the classifiers' routine
/// categories in its first minutes), and each new array handed the room, by then old memory, a young reference that
/// every collection scans until the next full one. The fixed slots are never regrown, and for a room with any
/// category they are smaller than the dictionary was (136 bytes for all fourteen).
/// </remarks>
[JsonConverter(typeof(RoomCategoriesJsonConverter))]
public sealed class RoomCategories : IEnumerable<KeyValuePair<Category, RoomCategory>>
{
    private static readonly int SlotCount = Enum.GetValues<Category>().Max(c => (int)c) + 1;

    private readonly RoomCategory?[] _slots = new RoomCategory?[SlotCount];

    /// <summary>How many categories the room has evidence for.</summary>
    public int Count { get; private set; }

    /// <summary>The categories' entries, in category order (for queries; hot loops walk the room's categories themselves).</summary>
    public IEnumerable<RoomCategory> Values
    {
        get
        {
            foreach (var slot in _slots)
            {
                if (slot is not null)
                {
                    yield return slot;
                }
            }
        }
    }

    /// <summary>The entry of <paramref name="category"/>; setting it adds or replaces it.</summary>
    public RoomCategory this[Category category]
    {
        get => TryGetValue(category, out var entry) ? entry : throw new KeyNotFoundException($"The room has no evidence for {category}.");
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            ref var slot = ref _slots[Index(category)];
            Count += slot is null ? 1 : 0;
            slot = value;
        }
    }

    public bool TryGetValue(Category category, [MaybeNullWhen(false)] out RoomCategory entry)
    {
        var index = (int)category;
        entry = (uint)index < (uint)_slots.Length ? _slots[index] : null;
        return entry is not null;
    }

    /// <summary>Adds <paramref name="entry"/> unless the room already has one for <paramref name="category"/>.</summary>
    public bool TryAdd(Category category, RoomCategory entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ref var slot = ref _slots[Index(category)];
        if (slot is not null)
        {
            return false;
        }

        slot = entry;
        Count++;
        return true;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<Category, RoomCategory>> IEnumerable<KeyValuePair<Category, RoomCategory>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int Index(Category category)
    {
        var index = (int)category;
        return (uint)index < (uint)_slots.Length ? index : throw new ArgumentOutOfRangeException(nameof(category), category, "No such category.");
    }

    /// <summary>Walks the categories with an entry, in category order, without allocating (part of the collection, as a dictionary's is).</summary>
    public struct Enumerator(RoomCategories categories) : IEnumerator<KeyValuePair<Category, RoomCategory>>
    {
        private int _index = -1;

        public readonly KeyValuePair<Category, RoomCategory> Current => new((Category)_index, categories._slots[_index]!);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            var slots = categories._slots;
            while (++_index < slots.Length)
            {
                if (slots[_index] is not null)
                {
                    return true;
                }
            }

            return false;
        }

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
