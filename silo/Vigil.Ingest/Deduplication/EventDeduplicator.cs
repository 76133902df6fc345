using System.Buffers;
using Microsoft.Extensions.Options;
using Vigil.Grains.Contracts.Events;
using Vigil.Ingest.Configuration;

namespace Vigil.Ingest.Deduplication;

/// <summary>
/// Makes events idempotent by id over a retention window of event time (contract: at least 24 hours).
/// </summary>
/// <remarks>
/// <para><b>Design.</b> Each id is kept as a keyed 64-bit hash (<see cref="IdHash"/>) in one open-addressing set, so
/// a lookup is one probe whatever the event's time, and the same id with another <c>ts</c> is still a duplicate.
/// The hash is also appended to the list of its event-time hour. The newest event time seen sets the window: an
/// hour's list is evicted (its hashes removed from the set) once the whole hour is more than the retention older
/// than the newest hour, so an id is remembered for at least the retention and at most one hour more. Because
/// <c>ts</c> may be at most 5 minutes ahead of the receiver's clock, no producer can push the window forward.
/// Eviction is spread over later calls (a bounded amount per call), so no request pays for a whole hour.</para>
/// <para><b>Memory.</b> About 8 bytes in the set at 35-70 % load (11.4-22.9 bytes, in native memory: see
/// <see cref="SlotTable"/>; from half full until the move after a doubling ends, the doubled table too) plus 8 in the hour list:
/// 20-31 bytes per remembered id, nothing per event beyond that. 1,000 events/s for 25 hours is 90 million ids,
/// about 1.8-2.8 GB; 100 events/s about 180-280 MB.</para>
/// <para><b>Collisions.</b> A new id is wrongly taken for a duplicate only if its hash equals one of the n
/// remembered ones: probability n / 2^64 per event, 4.9e-12 at n = 90 million, so at 1,000 events/s about one
/// wrongly dropped event in 6 years. The seed is random per process, so collisions cannot be aimed at.</para>
/// <para><b>Late events.</b> An event older than the window is checked against the set, and if new it is accepted
/// and remembered only until the next eviction step: the contract's idempotency covers the window, not older
/// events. <b>Restarts</b> forget every id unless a <see cref="DedupJournal"/> keeps them: it appends the hashes
/// admitted since its last checkpoint (<see cref="DrainJournal"/>) to one file per event-time hour and feeds them back
/// through <see cref="Restore"/> at start, with the same seed.</para>
/// <para><b>Threads.</b> Hashes are computed before the lock; one lock per batch covers lookups and inserts, so
/// two concurrent requests with the same id deliver it once.</para>
/// </remarks>
public sealed class EventDeduplicator
{
    private const int ChunkSize = 4096;
    private const int MinEvictionsPerCall = 4096;

    private readonly Lock _gate = new();
    private readonly UInt64HashSet _seen = new();
    private readonly Dictionary<long, HourList> _hours = [];
    private readonly Queue<HourList> _evicting = new();
    private readonly HourList _late = new();
    private readonly long _retentionHours;
    private readonly ulong _seed;
    private List<DedupJournalEntry>? _journal;
    private long _newestHour = long.MinValue;

    public EventDeduplicator(IOptions<IngestOptions> options)
        : this(options.Value.DedupRetention, DedupJournal.SeedFor(options.Value))
    {
        if (!string.IsNullOrEmpty(options.Value.DedupJournalPath))
        {
            _journal = [];
        }
    }

    /// <param name="retention">How much event time an id is remembered for (at least an hour).</param>
    /// <param name="seed">The hash seed; a journal passes its folder's, so restored hashes match new ones.</param>
    public EventDeduplicator(TimeSpan retention, ulong? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retention, TimeSpan.FromHours(1));
        _retentionHours = (long)Math.Ceiling(retention / TimeSpan.FromHours(1));
        _seed = seed ?? IdHash.NewSeed();
    }

    /// <summary>Whole hours of event time an id is kept for.</summary>
    public long RetentionHours => _retentionHours;

    /// <summary>The newest event-time hour seen (ticks / hour), or <see cref="long.MinValue"/> before any event.</summary>
    public long NewestHour
    {
        get
        {
            lock (_gate)
            {
                return _newestHour;
            }
        }
    }

    /// <summary>Ids currently remembered (including those queued for eviction).</summary>
    public long TrackedIds
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>
    /// Remembers the ids of the batch and returns the events whose id was not seen before, in order. A repeated
    /// id within the batch is a duplicate too.
    /// </summary>
    public DeduplicationResult Admit(IReadOnlyList<LiveEvent> events)
    {
        if (events.Count == 0)
        {
            return new DeduplicationResult([], 0);
        }

        var hashes = ArrayPool<ulong>.Shared.Rent(events.Count);
        var newestHour = long.MinValue;
        for (var i = 0; i < events.Count; i++)
        {
            hashes[i] = IdHash.Of(events[i].Id, _seed);
            newestHour = Math.Max(newestHour, HourOf(events[i]));
        }

        var fresh = new List<LiveEvent>(events.Count);
        lock (_gate)
        {
            AdvanceWindow(newestHour);
            var oldestKept = _newestHour - _retentionHours;
            for (var i = 0; i < events.Count; i++)
            {
                if (!_seen.Add(hashes[i]))
                {
                    continue;
                }

                var hour = HourOf(events[i]);
                if (hour >= oldestKept)
                {
                    HourListFor(hour).Add(hashes[i]);
                    _journal?.Add(new DedupJournalEntry(hour, hashes[i]));
                }
                else
                {
                    _late.Add(hashes[i]);
                }

                fresh.Add(events[i]);
            }

            Evict(MinEvictionsPerCall + 2 * events.Count);
        }

        ArrayPool<ulong>.Shared.Return(hashes);
        return new DeduplicationResult(fresh, events.Count - fresh.Count);
    }

    /// <summary>
    /// Forgets ids admitted by a batch that could not be delivered, so the producer's retry is not taken for a
    /// duplicate. Their hour lists keep the hashes; removing an absent hash at eviction does nothing.
    /// </summary>
    public void Forget(IReadOnlyList<LiveEvent> events)
    {
        lock (_gate)
        {
            foreach (var e in events)
            {
                _seen.Remove(IdHash.Of(e.Id, _seed));
            }
        }
    }

    /// <summary>
    /// Hands the hashes admitted since the last call to <paramref name="into"/> (cleared first) for the journal to
    /// append; the journal's buffer and this one swap, so admitting never waits on disk.
    /// </summary>
    public List<DedupJournalEntry> DrainJournal(List<DedupJournalEntry> into)
    {
        into.Clear();
        lock (_gate)
        {
            if (_journal is null)
            {
                return into;
            }

            (_journal, into) = (into, _journal);
            return into;
        }
    }

    /// <summary>Remembers hashes a journal kept for <paramref name="hour"/>, unless that hour is already outside the window.</summary>
    public void Restore(long hour, ReadOnlySpan<ulong> hashes)
    {
        lock (_gate)
        {
            AdvanceWindow(hour);
            if (hour < _newestHour - _retentionHours)
            {
                return;
            }

            var list = HourListFor(hour);
            foreach (var hash in hashes)
            {
                if (hash > UInt64HashSet.Removed && _seen.Add(hash))
                {
                    list.Add(hash);
                }
            }

            Evict(MinEvictionsPerCall);
        }
    }

    private static long HourOf(LiveEvent e) => e.Timestamp.UtcTicks / TimeSpan.TicksPerHour;

    private void AdvanceWindow(long newestHour)
    {
        if (newestHour <= _newestHour)
        {
            return;
        }

        _newestHour = newestHour;
        var oldestKept = newestHour - _retentionHours;
        List<long>? expired = null;
        foreach (var hour in _hours.Keys)
        {
            if (hour < oldestKept)
            {
                (expired ??= []).Add(hour);
            }
        }

        if (expired is null)
        {
            return;
        }

        expired.Sort();
        foreach (var hour in expired)
        {
            _evicting.Enqueue(_hours[hour]);
            _hours.Remove(hour);
        }
    }

    private HourList HourListFor(long hour)
    {
        if (!_hours.TryGetValue(hour, out var list))
        {
            list = new HourList();
            _hours.Add(hour, list);
        }

        return list;
    }

    /// <summary>Removes up to <paramref name="budget"/> expired hashes: evicting outpaces admitting, so memory stays bounded.</summary>
    private void Evict(int budget)
    {
        if (_late.Count > 0 && _evicting.Count == 0)
        {
            // Late ids leave at the next eviction step, never later than an hour list would.
            var late = new HourList();
            late.MoveFrom(_late);
            _evicting.Enqueue(late);
        }

        while (budget > 0 && _evicting.TryPeek(out var list))
        {
            budget -= list.RemoveFrom(_seen, budget);
            if (list.Count == 0)
            {
                _evicting.Dequeue();
            }
        }
    }

    /// <summary>The hashes admitted for one hour of event time, in 32 KiB chunks so growth never copies.</summary>
    private sealed class HourList
    {
        private readonly List<ulong[]> _chunks = [];
        private int _lastCount = ChunkSize;

        public int Count => _chunks.Count == 0 ? 0 : (_chunks.Count - 1) * ChunkSize + _lastCount;

        public void Add(ulong hash)
        {
            if (_lastCount == ChunkSize)
            {
                _chunks.Add(new ulong[ChunkSize]);
                _lastCount = 0;
            }

            _chunks[^1][_lastCount++] = hash;
        }

        public void MoveFrom(HourList other)
        {
            _chunks.AddRange(other._chunks);
            _lastCount = other._lastCount;
            other._chunks.Clear();
            other._lastCount = ChunkSize;
        }

        /// <summary>Removes up to <paramref name="budget"/> of this list's hashes from the set, from the end; returns how many.</summary>
        public int RemoveFrom(UInt64HashSet set, int budget)
        {
            var removed = 0;
            while (removed < budget && _chunks.Count > 0)
            {
                var chunk = _chunks[^1];
                set.Remove(chunk[--_lastCount]);
                removed++;
                if (_lastCount == 0)
                {
                    _chunks.RemoveAt(_chunks.Count - 1);
                    _lastCount = ChunkSize;
                }
            }

            return removed;
        }
    }
}
