using Vigil.Grains.Contracts.Events;

namespace Vigil.Benchmarks.Domain;

/// <summary>
/// The events that give a grain realistic state. Grains key themselves by their own id and ignore the event's, so one
/// list serves every grain of a kind and the benchmark's own allocations stay out of the figures.
/// </summary>
internal static class DomainTraffic
{
    /// <summary>60 days of a VIP who gifts, opens the app and answers a survey every day: every day bucket in use.</summary>
    public static LiveEvent[] VipHistory(DateTimeOffset now)
    {
        var events = new List<LiveEvent>();
        for (var day = 59; day >= 0; day--)
        {
            var at = now.Date.AddDays(-day).AddHours(12);
            var stamp = new DateTimeOffset(at, TimeSpan.Zero);
            events.Add(Event(EventType.UserSession, stamp, e => e with { SessionAction = SessionAction.Start }));
            events.Add(Event(EventType.GiftSent, stamp.AddMinutes(5), e => e with { RoomId = "room-1", BroadcasterId = "b-1", GiftId = "rose", Value = 40 + day }));
            events.Add(Event(EventType.UserSession, stamp.AddMinutes(30), e => e with { SessionAction = SessionAction.End, Minutes = 30 }));
            if (day % 7 == 0)
            {
                events.Add(Event(EventType.SatisfactionSurvey, stamp.AddMinutes(31), e => e with { SurveyScore = 4 }));
            }
        }

        return [.. events];
    }

    /// <summary>
    /// A live room a few minutes in: its start, 40 viewers joined and 10 gone, 30 chat lines in three languages, 8 gifts,
    /// 5 follows, classifier scores in three categories (below Watch) and a report.
    /// </summary>
    public static LiveEvent[] RoomActivity(DateTimeOffset now)
    {
        var start = now.AddMinutes(-5);
        var events = new List<LiveEvent> { Event(EventType.RoomStarted, start, e => e with { BroadcasterId = "b-1", Title = "evening stream", Lang = "en" }) };
        string[] chat = ["hello everyone", "مرحبا بالجميع", "hola a todos", "nice stream", "what game is this", "jajaja"];
        for (var i = 0; i < 40; i++)
        {
            events.Add(Event(EventType.ViewerJoined, start.AddSeconds(5 + i), e => e with { UserId = "viewer-" + i }));
        }

        for (var i = 0; i < 10; i++)
        {
            events.Add(Event(EventType.ViewerLeft, start.AddSeconds(100 + i), e => e with { UserId = "viewer-" + i }));
        }

        for (var i = 0; i < 30; i++)
        {
            var text = chat[i % chat.Length];
            events.Add(Event(EventType.ChatMessage, start.AddSeconds(60 + i * 5), e => e with { UserId = "viewer-" + (i % 40), Text = text }));
        }

        for (var i = 0; i < 8; i++)
        {
            events.Add(Event(EventType.GiftSent, start.AddSeconds(90 + i * 20), e => e with { BroadcasterId = "b-1", UserId = "viewer-" + i, GiftId = "rose", Value = 10 * (i + 1) }));
        }

        for (var i = 0; i < 5; i++)
        {
            events.Add(Event(EventType.Follow, start.AddSeconds(120 + i * 10), e => e with { BroadcasterId = "b-1", UserId = "viewer-" + (20 + i) }));
        }

        foreach (var (category, score) in new[] { (Category.Nudity, 0.12), (Category.Violence, 0.08), (Category.Spam, 0.2) })
        {
            for (var i = 0; i < 4; i++)
            {
                events.Add(Event(EventType.ModerationScore, start.AddSeconds(30 + i * 60), e => e with { BroadcasterId = "b-1", Category = category, Score = score, Source = ScoreSource.Video }));
            }
        }

        events.Add(Event(EventType.ReportFiled, start.AddSeconds(200), e => e with { BroadcasterId = "b-1", UserId = "viewer-3", Category = Category.Spam }));
        return [.. events.OrderBy(e => e.Timestamp)];
    }

    private static LiveEvent Event(EventType type, DateTimeOffset at, Func<LiveEvent, LiveEvent> with) => with(new LiveEvent
    {
        Id = Guid.NewGuid().ToString("N"),
        Type = type,
        Timestamp = at,
        Region = Region.MENA,
        RoomId = "room-1",
        UserId = "user-1",
    });
}
