using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Gifters;
using Vigil.Grains.Vips;

namespace Vigil.Grains.Gifters;

/// <summary>One unclaimed user in a <see cref="GifterLedgerState"/>: their gift days (oldest first, at most <see cref="RetainedDays"/>) and the region of their latest gift.</summary>
public sealed class GifterRecord
{
    /// <summary>As many days as a VIP grain keeps, so a claimed history fills its whole ring.</summary>
    public const int RetainedDays = EngagementLedger.RetainedDays;

    public Region Region { get; set; } = Region.OTHER;

    public List<GiftDay>? Days { get; set; }

    /// <summary>Books one gift on its day (a new day goes in date order; days older than the retained window are dropped).</summary>
    public void Add(int day, double coins, DateTimeOffset at, Region region)
    {
        var days = Days ??= new List<GiftDay>(1);
        var index = days.Count - 1;
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
            days.Insert(index + 1, new GiftDay(day, 1, coins, at));
        }

        // Days are whole UTC days in order, so the newest day's latest gift is the user's latest.
        if (at >= days[^1].LatestAt)
        {
            Region = region;
        }

        // Days are in date order, so the ones out of the window are at the front (no predicate: no closure per gift).
        var oldestKept = days[^1].Day - RetainedDays + 1;
        var expired = 0;
        while (expired < days.Count && days[expired].Day < oldestKept)
        {
            expired++;
        }

        days.RemoveRange(0, expired);
    }

    /// <summary>Coins given on <paramref name="fromDay"/> and after.</summary>
    public double SpendSince(int fromDay)
    {
        double spend = 0;
        foreach (var d in Days ?? [])
        {
            spend += d.Day >= fromDay ? d.Coins : 0;
        }

        return spend;
    }

    /// <summary>The newest gift day kept, or <see cref="int.MinValue"/> when none is.</summary>
    public int NewestDay => Days is { Count: > 0 } days ? days[^1].Day : int.MinValue;
}
