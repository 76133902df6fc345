using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Policy;

namespace Vigil.Grains.Rooms;

/// <summary>The persistent state of one live room (kept small: a room is at most a few KB).</summary>
public sealed class LiveRoomState
{
    public string? BroadcasterId { get; set; }

    public Region Region { get; set; } = Region.OTHER;

    public string? Title { get; set; }

    public string? Lang { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Joins minus leaves: commutative, so out-of-order viewer events still add up.</summary>
    public int ViewerBalance { get; set; }

    public int PeakViewers { get; set; }

    public DateTimeOffset LatestEventAt { get; set; }

    public ActivityWindow Chat { get; set; } = new();

    public ActivityWindow Gifts { get; set; } = new();

    public ActivityWindow Follows { get; set; } = new();

    public RoomCategories Categories { get; set; } = new();

    /// <summary>The last hour, one point per minute, for the room page's charts.</summary>
    public MinuteHistory History { get; set; } = new();

    /// <summary>Live unless an end event is newer than the latest start event.</summary>
    public bool Live => StartedAt is { } started && (EndedAt is not { } ended || ended < started);

    public int Viewers => Math.Max(0, ViewerBalance);

    /// <summary>Every category Normal with no alert open: nothing for a fade timer to close, nothing decay could change.</summary>
    public bool IsCalm()
    {
        foreach (var (_, category) in Categories)
        {
            if (category.State != RoomState.Normal || category.OpenAlertId is not null)
            {
                return false;
            }
        }

        return true;
    }
}
