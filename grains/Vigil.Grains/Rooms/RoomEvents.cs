using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Policy;

namespace Vigil.Grains.Rooms;

/// <summary>
/// How one live event changes a room's state: session facts, viewers, activity windows, history and per-category
/// evidence. Pure bookkeeping on <see cref="LiveRoomState"/>, kept out of the grain so the grain reads as the room's
/// story and the rules can be tested without a silo.
/// </summary>
public static class RoomEvents
{
    public static void Apply(LiveRoomState room, CompiledPolicy policy, LiveEvent e)
    {
        if (e.Timestamp > room.LatestEventAt)
        {
            room.LatestEventAt = e.Timestamp;
        }

        room.BroadcasterId ??= e.BroadcasterId;
        if (room.Region == Region.OTHER)
        {
            room.Region = e.Region;
        }

        switch (e.Type)
        {
            case EventType.RoomStarted:
                if (room.StartedAt is not { } started || e.Timestamp > started)
                {
                    (room.StartedAt, room.Title, room.Lang, room.Region) = (e.Timestamp, e.Title, e.Lang, e.Region);
                    room.BroadcasterId = e.BroadcasterId;
                }

                break;
            case EventType.RoomEnded when room.EndedAt is not { } ended || e.Timestamp > ended:
                room.EndedAt = e.Timestamp;
                break;
            case EventType.ViewerJoined:
                room.ViewerBalance++;
                room.PeakViewers = Math.Max(room.PeakViewers, room.Viewers);
                break;
            case EventType.ViewerLeft:
                room.ViewerBalance--;
                break;
            case EventType.ChatMessage:
                room.Chat.Add(e.Timestamp, 1);
                room.History.Book(e.Timestamp, 1, 0);
                foreach (var hit in policy.Screener.Screen(e.Text, e.Lang))
                {
                    var category = CategoryOf(room, hit.Category);
                    category.Evidence = category.Evidence.WithKeywordHit(policy, e.Timestamp);
                }

                break;
            case EventType.GiftSent:
                room.Gifts.Add(e.Timestamp, e.Value ?? 0);
                room.History.Book(e.Timestamp, 0, e.Value ?? 0);
                break;
            case EventType.Follow:
                room.Follows.Add(e.Timestamp, 1);
                break;
            case EventType.ReportFiled when e.Category is { } reported:
                var reportedCategory = CategoryOf(room, reported);
                reportedCategory.Evidence = reportedCategory.Evidence.WithReport(policy, e.Timestamp);
                break;
            case EventType.ModerationScore when e.Category is { } scored && e.Score is { } score:
                var scoredCategory = CategoryOf(room, scored);
                scoredCategory.Evidence = scoredCategory.Evidence.WithScore(policy, score, e.Timestamp);
                scoredCategory.PeakScore = Math.Max(scoredCategory.PeakScore, score);
                break;
        }
    }

    private static RoomCategory CategoryOf(LiveRoomState room, Category category)
    {
        if (!room.Categories.TryGetValue(category, out var entry))
        {
            room.Categories[category] = entry = new RoomCategory();
        }

        return entry;
    }
}
