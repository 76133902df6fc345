using System.Net;
using Vigil.Grains.Contracts.Broadcasters;
using Vigil.Grains.Contracts.Rooms;
using Vigil.Grains.Contracts.Vips;
using Vigil.Ingest.Tests.Infrastructure;

namespace Vigil.Ingest.Tests.EndToEnd;

/// <summary>Events posted over HTTP reach the real room, broadcaster and VIP grains through <see cref="Vigil.Ingest.Delivery.GrainEventSink"/>.</summary>
public sealed class GrainDeliveryTests(GrainSiloIngestServer silo) : IClassFixture<GrainSiloIngestServer>
{
    [Fact]
    public async Task PostedEventsReachTheRoomTheBroadcasterAndTheVip()
    {
        var p = TestEvents.NewPrefix();
        var (room, broadcaster, user) = (p + "room", p + "bc", p + "user");
        var lines = new[]
        {
            TestEvents.Valid("room.started", p + "1").With("roomId", $"\"{room}\"").With("broadcasterId", $"\"{broadcaster}\"").Line(),
            TestEvents.Valid("viewer.joined", p + "2").With("roomId", $"\"{room}\"").With("userId", $"\"{user}\"").Line(),
            TestEvents.Valid("gift.sent", p + "3").With("roomId", $"\"{room}\"").With("broadcasterId", $"\"{broadcaster}\"").With("userId", $"\"{user}\"").With("value", "100").Line(),
            TestEvents.Valid("moderation.decision", p + "4").With("roomId", $"\"{room}\"").With("broadcasterId", $"\"{broadcaster}\"").With("action", "\"warn\"").Line(),
        };

        var reply = await silo.PostLinesAsync(lines);

        Assert.Equal((HttpStatusCode.Accepted, 4), (reply.Status, reply.Accepted));
        var roomState = await silo.Grains.GetGrain<ILiveRoomGrain>(room).GetState().Within("the room's state");
        Assert.True(roomState.Live);
        Assert.Equal((broadcaster, 1), (roomState.BroadcasterId, roomState.Viewers));
        var broadcasterState = await silo.Grains.GetGrain<IBroadcasterGrain>(broadcaster).GetState().Within("the broadcaster's state");
        Assert.Equal(1, broadcasterState.Sessions);
        Assert.Equal("dec-1", Assert.Single(broadcasterState.History).DecisionId);
        var vip = await silo.Grains.GetGrain<IVipUserGrain>(user).GetProfile().Within("the VIP's profile");
        Assert.Equal((1, 100.0), (vip.Engagement.Gifts30Days, vip.Engagement.Spend30Days));
    }

    [Fact]
    public async Task RetriedRequestIsCountedAsDuplicatesAndChangesNoGrain()
    {
        var p = TestEvents.NewPrefix();
        var gift = TestEvents.Valid("gift.sent", p + "1").With("userId", $"\"{p}user\"").With("value", "40").Line();
        await silo.PostLinesAsync(gift);

        var retry = await silo.PostLinesAsync(gift);

        Assert.Equal((0, 1), (retry.Accepted, retry.Duplicates));
        var vip = await silo.Grains.GetGrain<IVipUserGrain>(p + "user").GetProfile().Within("the VIP's profile");
        Assert.Equal((1, 40.0), (vip.Engagement.Gifts30Days, vip.Engagement.Spend30Days));
    }
}
