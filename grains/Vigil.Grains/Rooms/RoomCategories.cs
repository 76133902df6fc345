using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text.Json.Serialization;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Rooms;

/// <summary>
/// A room's evidence by category: one entry per <see cref="Category"/>, in category order, allocated with the room.
/// </summary>
/// <remarks>
/// Every category's entry is allocated when the room is, and a category the room meets only marks its entry present.
/// The room soon lives in old memory, and an entry created later hands it a young reference: the collector scans
/// that card at every gen0 collection until the next gen1 one, and rooms meet most of the classifiers' routine
/// categories in their first minutes, so a busy silo's young collections were mostly scanning rooms gaining a
/// category. The price is the entries of the categories a room never meets (about 136 bytes each).
/// </remarks>
[JsonConverter(typeof(RoomCategoriesJsonConverter))]
public sealed class RoomCategories : IEnumerable<KeyValuePair<Category, RoomCategory>>
{
    private static readonly int SlotCount = CountSlots();

    private readonly RoomCategory[] _slots = NewSlots();

    // Bit i: the room has evidence for category i.
    private uint _present;

    /// <summary>How many categories the room has evidence for.</summary>
    public int Count => BitOperations.PopCount(_present);

    /// <summary>The categories' entries, in category order (for queries; hot loops walk the room's categories themselves).</summary>
    public IEnumerable<RoomCategory> Values
    {
        get
        {
            for (var index = 0; index < _slots.Length; index++)
            {
                if (IsPresent(index))
                {
                    yield return _slots[index];
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
            var index = Index(category);
            _slots[index] = value;
            _present |= 1u << index;
        }
    }

    /// <summary>The entry of <paramref name="category"/>, which is present from now on (fresh if it was not).</summary>
    public RoomCategory GetOrAdd(Category category)
    {
        var index = Index(category);
        _present |= 1u << index;
        return _slots[index];
    }

    public bool TryGetValue(Category category, [MaybeNullWhen(false)] out RoomCategory entry)
    {
        var index = (int)category;
        entry = (uint)index < (uint)_slots.Length && IsPresent(index) ? _slots[index] : null;
        return entry is not null;
    }

    /// <summary>Adds <paramref name="entry"/> unless the room already has one for <paramref name="category"/>.</summary>
    public bool TryAdd(Category category, RoomCategory entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var index = Index(category);
        if (IsPresent(index))
        {
            return false;
        }

        _slots[index] = entry;
        _present |= 1u << index;
        return true;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<Category, RoomCategory>> IEnumerable<KeyValuePair<Category, RoomCategory>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int CountSlots()
    {
        var count = Enum.GetValues<Category>().Max(c => (int)c) + 1;
        return count <= 32
            ? count
            : throw new InvalidOperationException($"{nameof(RoomCategories)} marks present categories in 32 bits, and {nameof(Category)} has values up to {count - 1}.");
    }

    private static RoomCategory[] NewSlots()
    {
        var slots = new RoomCategory[SlotCount];
        for (var index = 0; index < slots.Length; index++)
        {
            slots[index] = new RoomCategory();
        }

        return slots;
    }

    private bool IsPresent(int index) => (_present & (1u << index)) != 0;

    private int Index(Category category)
    {
        var index = (int)category;
        return (uint)index < (uint)_slots.Length ? index : throw new ArgumentOutOfRangeException(nameof(category), category, "No such category.");
    }

    /// <summary>Walks the categories with an entry, in category order, without allocating (part of the collection, as a dictionary's is).</summary>
    public struct Enumerator(RoomCategories categories) : IEnumerator<KeyValuePair<Category, RoomCategory>>
    {
        private int _index = -1;

        public readonly KeyValuePair<Category, RoomCategory> Current => new((Category)_index, categories._slots[_index]);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            while (++_index < categories._slots.Length)
            {
                if (categories.IsPresent(_index))
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
