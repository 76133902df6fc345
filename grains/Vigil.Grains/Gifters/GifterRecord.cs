using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Gifters;
using Vigil.Grains.Vips;

namespace Vigil.Grains.Gifters;

/// <summary>
/// One unclaimed user in a <see cref="GifterLedgerState"/>: their gift days (oldest first, at most
/// <see cref="RetainedDays"/>) and the region of their latest gift.
/// </summary>
/// <remarks>
/// A struct kept inline in the ledger's dictionary, with a user's only day inline too. A ledger partition lives as
/// long as the silo, so its memory is old; a new one-off gifter that cost it a record, a list and an array would
/// hand that old memory young references, and every collection until the next full one scans the memory written
/// that way (thousands of new gifters a second under load). Most users give on one day; a second day moves their days
/// into an array of their own, which still stays in the entry.
/// </remarks>
public struct GifterRecord
{
    /// <summary>As many days as a VIP grain keeps, so a claimed history fills its whole ring.</summary>
    public const int RetainedDays = EngagementLedger.RetainedDays;

    // The only day while _days is null and Count is 1; once a second day arrives, _days holds every day.
    private GiftDay _only;
    private GiftDay[]? _days;

    public Region Region { get; private set; }

    /// <summary>How many gift days are kept.</summary>
    public int Count { get; private set; }

    /// <summary>The <paramref name="index"/>th day kept, oldest first.</summary>
    public readonly GiftDay this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _days is null ? _only : _days[index];
        }
    }

    /// <summary>The newest gift day kept, or <see cref="int.MinValue"/> when none is.</summary>
    public readonly int NewestDay => Count == 0 ? int.MinValue : this[Count - 1].Day;

    /// <summary>A record of <paramref name="days"/>, which must be in date order with no day twice (as stored).</summary>
    public static GifterRecord Of(Region region, ReadOnlySpan<GiftDay> days)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days.Length, RetainedDays, nameof(days));
        for (var i = 1; i < days.Length; i++)
        {
            if (days[i].Day <= days[i - 1].Day)
            {
                throw new ArgumentException($"Gift days must be in date order with no day twice; day {days[i].Day} follows day {days[i - 1].Day}.", nameof(days));
            }
        }

        var record = new GifterRecord { Region = region, Count = days.Length };
        if (days.Length == 1)
        {
            record._only = days[0];
        }
        else if (days.Length > 1)
        {
            record._days = days.ToArray();
        }

        return record;
    }

    /// <summary>Books one gift on its day (a new day goes in date order; days older than the retained window are dropped).</summary>
    public void Add(int day, double coins, DateTimeOffset at, Region region)
    {
        if (Count == 0)
        {
            _only = new GiftDay(day, 1, coins, at);
            Count = 1;
            Region = region;
            return;
        }

        if (_days is null && _only.Day == day)
        {
            var latest = at > _only.LatestAt;
            _only = _only with { Gifts = _only.Gifts + 1, Coins = _only.Coins + coins, LatestAt = latest ? at : _only.LatestAt };
            Region = at >= _only.LatestAt ? region : Region;
            return;
        }

        var days = _days ??= [_only, default];
        var index = Count - 1;
        while (index >= 0 && days[index].Day > day)
        {
            index--;
        }

        if (index >= 0 && days[index].Day == day)
        {
            var kept = days[index];
            days[index] = kept with { Gifts = kept.Gifts + 1, Coins = kept.Coins + coins, LatestAt = at > kept.LatestAt ? at : kept.LatestAt };
        }
        else
        {
            if (Count == days.Length)
            {
                Array.Resize(ref _days, Math.Min(days.Length * 2, RetainedDays + 1));
                days = _days;
            }

            Array.Copy(days, index + 1, days, index + 2, Count - index - 1);
            days[index + 1] = new GiftDay(day, 1, coins, at);
            Count++;
        }

        // Days are whole UTC days in order, so the newest day's latest gift is the user's latest.
        if (at >= days[Count - 1].LatestAt)
        {
            Region = region;
        }

        // Days are in date order, so the ones out of the window are at the front.
        var oldestKept = days[Count - 1].Day - RetainedDays + 1;
        var expired = 0;
        while (expired < Count && days[expired].Day < oldestKept)
        {
            expired++;
        }

        if (expired > 0)
        {
            Array.Copy(days, expired, days, 0, Count - expired);
            Array.Clear(days, Count - expired, expired);
            Count -= expired;
        }
    }

    /// <summary>Coins given on <paramref name="fromDay"/> and after.</summary>
    public readonly double SpendSince(int fromDay)
    {
        double spend = 0;
        for (var i = 0; i < Count; i++)
        {
            var day = this[i];
            spend += day.Day >= fromDay ? day.Coins : 0;
        }

        return spend;
    }

    /// <summary>The days kept, oldest first, as a new array.</summary>
    public readonly GiftDay[] ToArray() => _days is null ? (Count == 0 ? [] : [_only]) : _days[..Count];
}
