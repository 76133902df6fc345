using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Policy;
using Vigil.Grains.Rooms;
using Vigil.Grains.Tests.Infrastructure;

namespace Vigil.Grains.Tests.Rooms;

public sealed class RoomEventsTests
{
    private static readonly CompiledPolicy Policy = DefaultPolicy.Compiled;
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnOlderStartEventDoesNotReplaceTheSession()
    {
        var room = new LiveRoomState();

        RoomEvents.Apply(room, Policy, Events.Started("r-1", "b-new", Start.AddMinutes(5)));
        RoomEvents.Apply(room, Policy, Events.Started("r-1", "b-old", Start));

        Assert.Equal((Start.AddMinutes(5), "b-new"), (room.StartedAt, room.BroadcasterId));
        Assert.Equal(Start.AddMinutes(5), room.LatestEventAt);
    }

    [Fact]
    public void ScoresBecomeEvidenceOfTheirCategoryAndKeepThePeak()
    {
        var room = new LiveRoomState();

        RoomEvents.Apply(room, Policy, Events.Score("r-1", Category.Nudity, 0.9, Start));
        RoomEvents.Apply(room, Policy, Events.Score("r-1", Category.Nudity, 0.6, Start.AddSeconds(10)));

        var nudity = Assert.Single(room.Categories);
        Assert.Equal(Category.Nudity, nudity.Key);
        Assert.Equal(0.9, nudity.Value.PeakScore);
        Assert.Equal(2, nudity.Value.Evidence.EvidenceCount);
    }

    [Fact]
    public void TheFirstEventsRegionBecomesTheRoomsRegion()
    {
        var room = new LiveRoomState();

        RoomEvents.Apply(room, Policy, Events.Joined("r-1", Start, Region.EU));
        RoomEvents.Apply(room, Policy, Events.Joined("r-1", Start, Region.NA));

        Assert.Equal((Region.EU, 2, 2), (room.Region, room.Viewers, room.PeakViewers));
    }
}
