using Vigil.Grains.Contracts.Vips;

namespace Vigil.Grains.Vips;

/// <summary>Builds a VIP's 60-day history (<see cref="VipHistory"/>) from the day ring and the churn model's baseline window.</summary>
public static class VipHistories
{
    public static VipHistory Create(string userId, VipUserState state, in EngagementSummary summary, DateTimeOffset now)
    {
        var today = EngagementLedger.DayOf(now);
        var first = state.FirstSeenAt is { } seen ? EngagementLedger.DayOf(seen) : today + 1;
        var buckets = (state.Days ?? []).Where(b => b.Day > 0).ToDictionary(b => b.Day);
        var days = new List<VipHistoryDay>(EngagementLedger.RetainedDays);
        for (var day = Math.Max(first, today - EngagementLedger.RetainedDays + 1); day <= today; day++)
        {
            var b = buckets.GetValueOrDefault(day);
            days.Add(new VipHistoryDay(DateOnly.FromDayNumber(day), b.GiftCoins, b.Gifts, b.Sessions, Math.Round(b.SessionMinutes + b.ViewingMinutes, 1)));
        }

        var baseline = summary.Baseline;
        return new VipHistory(userId, days, new VipBaseline(Math.Round(baseline.SpendPerDay, 2), Math.Round(baseline.SessionsPerDay, 3), baseline.CoveredDays));
    }
}
