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

    [Fact]
    public void AudienceAndActivityDoNotWeighOnRiskButEvidenceAndTheSessionDo()
    {
        var room = new LiveRoomState();

        var weighs = new[]
        {
            Events.Started("r-1", "b-1", Start),
            Events.Joined("r-1", Start.AddSeconds(1)),
            Events.Chat("r-1", "hello everyone", "en", Start.AddSeconds(2)),
            Events.Chat("r-1", "best c4s1n0 in town", "en", Start.AddSeconds(3)),
            Events.Score("r-1", Category.Nudity, 0.2, Start.AddSeconds(4)),
            Events.Report("r-1", Category.Spam, Start.AddSeconds(5)),
        }.Select(e => RoomEvents.Apply(room, Policy, e)).ToArray();

        Assert.Equal([true, false, false, true, true, true], weighs);
    }
}
