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
    /// <summary>
    /// Applies <paramref name="e"/> to <paramref name="room"/>; true when it can change the room's risk or whether it
    /// is live (evidence, a start or an end), false for the audience and activity that only move the room's gauges.
    /// </summary>
    public static bool Apply(LiveRoomState room, CompiledPolicy policy, LiveEvent e)
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

                return true;
            case EventType.RoomEnded:
                if (room.EndedAt is not { } ended || e.Timestamp > ended)
                {
                    room.EndedAt = e.Timestamp;
                }

                return true;
            case EventType.ViewerJoined:
                room.ViewerBalance++;
                room.PeakViewers = Math.Max(room.PeakViewers, room.Viewers);
                return false;
            case EventType.ViewerLeft:
                room.ViewerBalance--;
                return false;
            case EventType.ChatMessage:
                room.Chat.Add(e.Timestamp, 1);
                room.History.Book(e.Timestamp, 1, 0);
                var hit = false;
                foreach (var keyword in policy.Screener.Screen(e.Text, e.Lang))
                {
                    var category = room.Categories.GetOrAdd(keyword.Category);
                    category.Evidence = category.Evidence.WithKeywordHit(policy, e.Timestamp);
                    hit = true;
                }

                return hit;
            case EventType.GiftSent:
                room.Gifts.Add(e.Timestamp, e.Value ?? 0);
                room.History.Book(e.Timestamp, 0, e.Value ?? 0);
                return false;
            case EventType.Follow:
                room.Follows.Add(e.Timestamp, 1);
                return false;
            case EventType.ReportFiled when e.Category is { } reported:
                var reportedCategory = room.Categories.GetOrAdd(reported);
                reportedCategory.Evidence = reportedCategory.Evidence.WithReport(policy, e.Timestamp);
                return true;
            case EventType.ModerationScore when e.Category is { } scored && e.Score is { } score:
                var scoredCategory = room.Categories.GetOrAdd(scored);
                scoredCategory.Evidence = scoredCategory.Evidence.WithScore(policy, score, e.Timestamp);
                scoredCategory.PeakScore = Math.Max(scoredCategory.PeakScore, score);
                return true;
            default:
                // A moderation decision naming the room, or a type this room does not weigh: evaluate to be safe.
                return true;
        }
    }
}
