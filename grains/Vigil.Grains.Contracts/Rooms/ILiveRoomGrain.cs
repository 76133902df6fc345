using Vigil.Grains.Contracts.Events;
using Vigil.Runtime.Grains;

namespace Vigil.Grains.Contracts.Rooms;

/// <summary>One live session (keyed by room id): viewers, chat and gift rates, heat, and risk per category.</summary>
public interface ILiveRoomGrain : IGrainWithStringKey
{
    /// <summary>Applies a batch of this room's events, in any order; state follows event time.</summary>
    Task Apply(IReadOnlyList<LiveEvent> events);

    [ReadOnly]
    Task<RoomSnapshot> GetState();

    /// <summary>The last 60 minutes of event time, one point per minute (viewers, gifts, chat, risk per category).</summary>
    [ReadOnly]
    Task<RoomHistory> GetHistory();

    /// <summary>Tells the room its (room, category) alert was resolved by a person, so a new one may be raised later.</summary>
    [OneWay]
    Task OnAlertResolved(string alertId);
}
