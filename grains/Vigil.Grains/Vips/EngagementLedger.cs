using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Gifters;

namespace Vigil.Grains.Vips;

/// <summary>
/// Books a user's events into event-time day buckets and sums them into an <see cref="EngagementSummary"/>. Events
/// may arrive late and out of order: each lands on its own day, pairs (join/leave, complaint/resolution) match in
/// either order, and "latest" fields keep the newest event time.
/// </summary>
public static class EngagementLedger
{
    /// <summary>Days kept: 30 days and the 30 before them, the longest comparison the model makes.</summary>
    public const int RetainedDays = 60;

    /// <summary>A view longer than this is a lost viewer.left, not a marathon; it counts this much.</summary>
    private static readonly TimeSpan MaxView = TimeSpan.FromHours(12);

    /// <summary>Records one event; returns false for types that say nothing about engagement.</summary>
    public static bool Record(VipUserState state, LiveEvent e)
    {
        if (e.Type is not (EventType.GiftSent or EventType.ViewerJoined or EventType.ViewerLeft or EventType.UserSession
            or EventType.UserComplaint or EventType.ComplaintResolved or EventType.SatisfactionSurvey))
        {
            return false;
        }

        var at = e.Timestamp;
        var kept = TryGetSlot(state, at, out var slot);
        switch (e.Type)
        {
            case EventType.GiftSent:
                BookGifts(state, kept, slot, at, 1, e.Value ?? 0);
                break;
            case EventType.ViewerJoined or EventType.ViewerLeft when e.RoomId is { } roomId:
                state.LastSessionAt = Latest(state.LastSessionAt, at);
                RecordView(state, roomId, at, joined: e.Type == EventType.ViewerJoined);
                break;
            case EventType.UserSession:
                state.LastSessionAt = Latest(state.LastSessionAt, at);
                if (kept && e.SessionAction == SessionAction.Start)
                {
                    state.Days![slot].Sessions++;
                }
                else if (kept)
                {
                    state.Days![slot].SessionMinutes += e.Minutes ?? 0;
                }

                break;
            case EventType.UserComplaint when e.TicketId is { } ticket:
                if (kept)
                {
                    state.Days![slot].ComplaintsOpened++;
                }

                if (state.ResolvedTickets?.ContainsKey(ticket) != true)
                {
                    (state.OpenComplaints ??= []).TryAdd(ticket, at);
                }

                break;
            case EventType.ComplaintResolved when e.TicketId is { } ticket:
                if (kept)
                {
                    state.Days![slot].ComplaintsResolved++;
                }

                state.OpenComplaints?.Remove(ticket);
                (state.ResolvedTickets ??= [])[ticket] = at;
                Prune(state.ResolvedTickets, at - TimeSpan.FromDays(RetainedDays));
                break;
            case EventType.SatisfactionSurvey when e.SurveyScore is { } score:
                if (kept)
                {
                    state.Days![slot].Surveys++;
                    state.Days[slot].SurveyScoreSum += score;
                }

                if (state.LastSurveyAt is null || at >= state.LastSurveyAt)
                {
                    (state.LastSurveyAt, state.LastSurveyScore) = (at, score);
                }

                break;
            default:
                return false;
        }

        state.FirstSeenAt = state.FirstSeenAt is { } first && first <= at ? first : at;
        return true;
    }

    /// <summary>
    /// Books gifts the user gave before they had a grain, as the gifter ledger kept them (one entry per day, with the
    /// day's latest gift time), exactly as if each had arrived as a <c>gift.sent</c> event.
    /// </summary>
    public static void RecordGiftDays(VipUserState state, IEnumerable<GiftDay> days)
    {
        foreach (var day in days)
        {
            var kept = TryGetSlot(state, day.LatestAt, out var slot);
            BookGifts(state, kept, slot, day.LatestAt, day.Gifts, day.Coins);
            state.FirstSeenAt = state.FirstSeenAt is { } first && first <= day.LatestAt ? first : day.LatestAt;
        }
    }

    /// <summary>Sums the buckets into the windows the churn model compares, as seen at <paramref name="now"/>.</summary>
    public static EngagementSummary Summarize(VipUserState state, DateTimeOffset now, int recentDays, int baselineDays)
    {
        var today = DayOf(now);
        var firstDay = state.FirstSeenAt is { } first ? DayOf(first) : today + 1;
        var recentStart = today - recentDays + 1;
        var oldest = state.OpenComplaints is { Count: > 0 } open ? open.Values.Min() : (DateTimeOffset?)null;
        return new EngagementSummary
        {
            Recent = Totals(state, recentStart, today, firstDay),
            Baseline = Totals(state, recentStart - baselineDays, recentStart - 1, firstDay),
            BaselineDays = baselineDays,
            Last30Days = Totals(state, today - 29, today, firstDay),
            Previous30Days = Totals(state, today - 59, today - 30, firstDay),
            DaysSinceLastSession = DaysSince(state.LastSessionAt, now),
            DaysSinceLastGift = DaysSince(state.LastGiftAt, now),
            OpenComplaints = state.OpenComplaints?.Count ?? 0,
            OldestOpenComplaintDays = DaysSince(oldest, now),
            LastSurveyScore = state.LastSurveyScore,
            DaysSinceLastSurvey = DaysSince(state.LastSurveyAt, now),
        };
    }

    public static int DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime).DayNumber;

    private static WindowTotals Totals(VipUserState state, int fromDay, int toDay, int firstDay)
    {
        double spend = 0, minutes = 0;
        int gifts = 0, sessions = 0;
        foreach (var b in state.Days ?? [])
        {
            if (b.Day >= fromDay && b.Day <= toDay)
            {
                spend += b.GiftCoins;
                gifts += b.Gifts;
                sessions += b.Sessions;
                minutes += b.SessionMinutes + b.ViewingMinutes;
            }
        }

        var covered = Math.Max(0, toDay - Math.Max(fromDay, firstDay) + 1);
        return new WindowTotals(spend, gifts, sessions, minutes, covered);
    }

    private static void BookGifts(VipUserState state, bool kept, int slot, DateTimeOffset at, int gifts, double coins)
    {
        state.LastGiftAt = Latest(state.LastGiftAt, at);
        if (kept)
        {
            state.Days![slot].Gifts += gifts;
            state.Days[slot].GiftCoins += coins;
        }
    }

    /// <summary>
    /// Finds (and claims) the ring slot of <paramref name="at"/>'s day; false when the slot already holds a day at least
    /// <see cref="RetainedDays"/> newer, i.e. the event is past retention.
    /// </summary>
    private static bool TryGetSlot(VipUserState state, DateTimeOffset at, out int slot)
    {
        var day = DayOf(at);
        state.Days ??= new DayBucket[RetainedDays];
        slot = day % RetainedDays;
        ref var bucket = ref state.Days[slot];
        if (bucket.Day > day)
        {
            return false;
        }

        if (bucket.Day < day)
        {
            bucket = new DayBucket { Day = day };
        }

        return true;
    }

    private static void RecordView(VipUserState state, string roomId, DateTimeOffset at, bool joined)
    {
        // A join waits for its leave in OpenViews, a leave that came first waits for its join in EarlyLeaves.
        var partners = joined ? state.EarlyLeaves : state.OpenViews;
        if (partners is not null && partners.Remove(roomId, out var partner) && (joined ? partner >= at : partner <= at))
        {
            var (start, end) = joined ? (at, partner) : (partner, at);
            if (TryGetSlot(state, start, out var slot))
            {
                state.Days![slot].ViewingMinutes += Math.Min((end - start).TotalMinutes, MaxView.TotalMinutes);
            }
        }
        else if (joined)
        {
            (state.OpenViews ??= [])[roomId] = at;
        }
        else
        {
            (state.EarlyLeaves ??= [])[roomId] = at;
        }

        Prune(state.OpenViews, at - MaxView);
        Prune(state.EarlyLeaves, at - MaxView);
    }

    private static void Prune(Dictionary<string, DateTimeOffset>? times, DateTimeOffset before)
    {
        if (times is null)
        {
            return;
        }

        foreach (var (key, time) in times)
        {
            if (time < before)
            {
                times.Remove(key);
            }
        }
    }

    private static DateTimeOffset Latest(DateTimeOffset? current, DateTimeOffset at) => current is { } c && c >= at ? c : at;

    private static double? DaysSince(DateTimeOffset? at, DateTimeOffset now) => at is { } t ? Math.Max(0, (now - t).TotalDays) : null;
}
