using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Tests.Infrastructure;

/// <summary>Builds contract events for tests, with unique ids.</summary>
public static class Events
{
    private static long _next;

    public static LiveEvent Started(string room, string broadcaster, DateTimeOffset at, Region region = Region.MENA) =>
        New(EventType.RoomStarted, at, region) with { RoomId = room, BroadcasterId = broadcaster, Title = "evening show", Lang = "ar" };

    public static LiveEvent Score(string room, Category category, double score, DateTimeOffset at, Region region = Region.MENA) =>
        New(EventType.ModerationScore, at, region) with { RoomId = room, BroadcasterId = "b-" + room, Category = category, Score = score, Source = ScoreSource.Video };

    public static LiveEvent Report(string room, Category category, DateTimeOffset at, Region region = Region.MENA) =>
        New(EventType.ReportFiled, at, region) with { RoomId = room, BroadcasterId = "b-" + room, UserId = "reporter-" + Interlocked.Increment(ref _next), Category = category };

    public static LiveEvent Chat(string room, string text, string lang, DateTimeOffset at, Region region = Region.MENA) =>
        New(EventType.ChatMessage, at, region) with { RoomId = room, UserId = "viewer-1", Text = text, Lang = lang };

    public static LiveEvent Joined(string room, DateTimeOffset at, Region region = Region.MENA) =>
        New(EventType.ViewerJoined, at, region) with { RoomId = room, UserId = "viewer-" + Interlocked.Increment(ref _next) };

    public static LiveEvent Decision(string broadcaster, ModerationAction action, Category category, DateTimeOffset at) =>
        New(EventType.ModerationDecision, at, Region.NA) with
        {
            BroadcasterId = broadcaster,
            DecisionId = "d-" + Interlocked.Increment(ref _next),
            ModeratorId = "mod-1",
            Action = action,
            Category = category,
            Stage = DecisionStage.Live,
        };

    private static LiveEvent New(EventType type, DateTimeOffset at, Region region) => new()
    {
        Id = "e-" + Interlocked.Increment(ref _next),
        Type = type,
        Timestamp = at,
        Region = region,
    };
}
