using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Tests.Vips;

/// <summary>Builds a user's engagement events (and whole histories of them) for VIP tests, with unique ids.</summary>
public static class VipEvents
{
    private static long _next;

    public static LiveEvent Gift(string user, double coins, DateTimeOffset at, Region region = Region.MENA) =>
        New(EventType.GiftSent, user, at, region) with { RoomId = "r-1", BroadcasterId = "b-1", GiftId = "rose", Value = coins };

    public static LiveEvent SessionStart(string user, DateTimeOffset at, Region region = Region.MENA) =>
        New(EventType.UserSession, user, at, region) with { SessionAction = SessionAction.Start };

    public static LiveEvent SessionEnd(string user, double minutes, DateTimeOffset at, Region region = Region.MENA) =>
        New(EventType.UserSession, user, at, region) with { SessionAction = SessionAction.End, Minutes = minutes };

    public static LiveEvent Joined(string user, string room, DateTimeOffset at) =>
        New(EventType.ViewerJoined, user, at, Region.MENA) with { RoomId = room };

    public static LiveEvent Left(string user, string room, DateTimeOffset at) =>
        New(EventType.ViewerLeft, user, at, Region.MENA) with { RoomId = room };

    public static LiveEvent Complaint(string user, string ticket, DateTimeOffset at) =>
        New(EventType.UserComplaint, user, at, Region.MENA) with { TicketId = ticket, Topic = "payments", Severity = ComplaintSeverity.Medium };

    public static LiveEvent Resolved(string user, string ticket, DateTimeOffset at) =>
        New(EventType.ComplaintResolved, user, at, Region.MENA) with { TicketId = ticket };

    public static LiveEvent Survey(string user, int score, DateTimeOffset at) =>
        New(EventType.SatisfactionSurvey, user, at, Region.MENA) with { SurveyScore = score };

    /// <summary>
    /// One event-time day per element of <paramref name="dailySpend"/>, the last one <paramref name="lastDay"/>'s
    /// morning: a 30-minute session and, when the day's spend is above 0, a gift of that value.
    /// </summary>
    public static LiveEvent[] History(string user, DateTimeOffset lastDay, IReadOnlyList<double> dailySpend, Region region = Region.MENA)
    {
        var events = new List<LiveEvent>();
        var firstMorning = lastDay.UtcDateTime.Date.AddHours(8).AddDays(1 - dailySpend.Count);
        for (var i = 0; i < dailySpend.Count; i++)
        {
            var morning = new DateTimeOffset(firstMorning.AddDays(i), TimeSpan.Zero);
            events.Add(SessionStart(user, morning, region));
            events.Add(SessionEnd(user, 30, morning.AddMinutes(30), region));
            if (dailySpend[i] > 0)
            {
                events.Add(Gift(user, dailySpend[i], morning.AddMinutes(10), region));
            }
        }

        return [.. events];
    }

    /// <summary>The same spend every day for <paramref name="days"/> days.</summary>
    public static double[] Steady(int days, double perDay) => Enumerable.Repeat(perDay, days).ToArray();

    private static LiveEvent New(EventType type, string user, DateTimeOffset at, Region region) => new()
    {
        Id = "v-" + Interlocked.Increment(ref _next),
        Type = type,
        Timestamp = at,
        Region = region,
        UserId = user,
    };
}
