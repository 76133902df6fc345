using System.Text;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Gifters;
using Vigil.Ingest.Delivery;
using Vigil.Ingest.Parsing;
using Vigil.Ingest.Tests.Infrastructure;

namespace Vigil.Ingest.Tests.Delivery;

public sealed class GrainEventSinkTests
{
    // One lane for the class, as a silo has one; it is never busy enough here for its priority to matter.
    private static readonly BulkLane Lane = new(2);

    [Theory]
    [InlineData("room.started", "ILiveRoomGrain/room-1 IBroadcasterGrain/bc-1")]
    [InlineData("room.ended", "ILiveRoomGrain/room-1 IBroadcasterGrain/bc-1")]
    [InlineData("viewer.joined", "ILiveRoomGrain/room-1")]
    [InlineData("viewer.left", "ILiveRoomGrain/room-1")]
    [InlineData("chat.message", "ILiveRoomGrain/room-1")]
    [InlineData("gift.sent", "ILiveRoomGrain/room-1 ledger-of-user-1")]
    [InlineData("follow", "ILiveRoomGrain/room-1")]
    [InlineData("report.filed", "ILiveRoomGrain/room-1")]
    [InlineData("moderation.score", "ILiveRoomGrain/room-1")]
    [InlineData("moderation.decision", "ILiveRoomGrain/room-1 IBroadcasterGrain/bc-1")]
    [InlineData("user.session", "IVipUserGrain/user-1")]
    [InlineData("user.complaint", "IVipUserGrain/user-1")]
    [InlineData("complaint.resolved", "IVipUserGrain/user-1")]
    [InlineData("satisfaction.survey", "IVipUserGrain/user-1")]
    public async Task EachTypeGoesToTheGrainsThatKeepStateAboutIt(string type, string grains)
    {
        var factory = new RecordingGrainFactory();

        await new GrainEventSink(factory, Lane).DeliverAsync([Parse(TestEvents.Valid(type, "e1").Line())], CancellationToken.None);

        Assert.Equal(grains.Replace("ledger-of-user-1", Ledger("user-1"), StringComparison.Ordinal).Split(' ').Order(), factory.Calls.Select(c => c.Grain).Order());
    }

    [Theory]
    [InlineData("user.session")]
    [InlineData("user.complaint")]
    [InlineData("complaint.resolved")]
    [InlineData("satisfaction.survey")]
    public async Task ViewingGoesToTheUsersGrainOnceTheUserEngaged(string engagement)
    {
        var factory = new RecordingGrainFactory();
        var sink = new GrainEventSink(factory, Lane);
        await sink.DeliverAsync([Parse(TestEvents.Valid(engagement, "e1").Line())], CancellationToken.None);

        await sink.DeliverAsync([Parse(TestEvents.Valid("viewer.joined", "e2").Line())], CancellationToken.None);

        Assert.Contains(factory.Calls, c => c.Grain == "IVipUserGrain/user-1" && c.Events.Single().Id == "e2");
    }

    [Fact]
    public async Task GiftOfAUserWithoutAGrainGoesToTheirLedgerPartitionAndTheirViewingNowhere()
    {
        var factory = new RecordingGrainFactory();
        var events = new[] { Parse(TestEvents.Valid("viewer.joined", "1").Line()), Parse(TestEvents.Valid("gift.sent", "2").Line()) };

        await new GrainEventSink(factory, Lane).DeliverAsync(events, CancellationToken.None);

        Assert.Equal(["2"], Assert.Single(factory.Calls, c => c.Grain == Ledger("user-1")).Events.Select(e => e.Id));
        Assert.DoesNotContain(factory.Calls, c => c.Grain.StartsWith("IVipUserGrain/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GiftsTheLedgerHandsOnAndUsersItPromotesReachTheirVipGrainsWhichAreEngagedFromThenOn()
    {
        var factory = new RecordingGrainFactory();
        var sink = new GrainEventSink(factory, Lane);
        var gift = Parse(TestEvents.Valid("gift.sent", "1").Line());
        factory.LedgerAnswer = gifts => new GiftRouting(gifts, ["user-1", "user-9"]);

        await sink.DeliverAsync([gift], CancellationToken.None);
        await sink.DeliverAsync([Parse(TestEvents.Valid("viewer.joined", "2").With("userId", "\"user-9\"").Line())], CancellationToken.None);

        Assert.Equal(["1"], Assert.Single(factory.Calls, c => c.Grain == "IVipUserGrain/user-1").Events.Select(e => e.Id));
        var promoted = factory.Calls.Where(c => c.Grain == "IVipUserGrain/user-9").Select(c => string.Join(",", c.Events.Select(e => e.Id)));
        Assert.Equal(["", "2"], promoted);
    }

    [Fact]
    public async Task GiftOfAnEngagedUserGoesStraightToTheirVipGrain()
    {
        var factory = new RecordingGrainFactory();
        var sink = new GrainEventSink(factory, Lane);
        sink.MarkEngaged("user-1");

        await sink.DeliverAsync([Parse(TestEvents.Valid("gift.sent", "1").Line())], CancellationToken.None);

        Assert.Equal(["ILiveRoomGrain/room-1", "IVipUserGrain/user-1"], factory.Calls.Select(c => c.Grain).Order());
    }

    [Fact]
    public async Task ViewingOfAnotherUserDoesNotGoToAUserGrain()
    {
        var factory = new RecordingGrainFactory();
        var events = new[]
        {
            Parse(TestEvents.Valid("gift.sent", "1").Line()),
            Parse(TestEvents.Valid("viewer.joined", "2").With("userId", "\"user-2\"").Line()),
        };

        await new GrainEventSink(factory, Lane).DeliverAsync(events, CancellationToken.None);

        Assert.DoesNotContain(factory.Calls, c => c.Grain == "IVipUserGrain/user-2");
    }

    [Fact]
    public async Task ViewingOfAVipAnAdminAssignedGoesToTheUsersGrainBeforeAnyGift()
    {
        var factory = new RecordingGrainFactory();
        var sink = new GrainEventSink(factory, Lane);
        sink.MarkEngaged("user-1");

        await sink.DeliverAsync([Parse(TestEvents.Valid("viewer.joined", "e1").Line())], CancellationToken.None);

        Assert.Contains(factory.Calls, c => c.Grain == "IVipUserGrain/user-1" && c.Events.Single().Id == "e1");
    }

    [Fact]
    public async Task DecisionWithoutARoomGoesToTheBroadcasterOnly()
    {
        var factory = new RecordingGrainFactory();
        var decision = Parse(TestEvents.Valid("moderation.decision", "e1").Without("roomId").Line());

        await new GrainEventSink(factory, Lane).DeliverAsync([decision], CancellationToken.None);

        Assert.Equal(["IBroadcasterGrain/bc-1"], factory.Calls.Select(c => c.Grain));
    }

    [Fact]
    public async Task EachGrainGetsAllItsEventsOfTheBatchInOneCallInRequestOrder()
    {
        var factory = new RecordingGrainFactory();
        var sink = new GrainEventSink(factory, Lane);
        sink.MarkEngaged("user-1");
        var events = new[]
        {
            RoomEvent("chat.message", "1", "a"),
            RoomEvent("chat.message", "2", "b"),
            RoomEvent("gift.sent", "3", "a"),
            RoomEvent("viewer.left", "4", "a"),
        };

        await sink.DeliverAsync(events, CancellationToken.None);

        var calls = factory.Calls.ToDictionary(c => c.Grain, c => c.Events.Select(e => e.Id).ToArray());
        Assert.Equal(["1", "3", "4"], calls["ILiveRoomGrain/a"]);
        Assert.Equal(["2"], calls["ILiveRoomGrain/b"]);
        Assert.Equal(["3", "4"], calls["IVipUserGrain/user-1"]);
        Assert.Equal(3, factory.Calls.Count);
    }

    [Fact]
    public async Task RoomsWithASafetySignalAreSentBeforeTheOthersWhichKeepRequestOrder()
    {
        var factory = new RecordingGrainFactory();
        var events = new[]
        {
            RoomEvent("chat.message", "1", "a"),
            RoomEvent("viewer.joined", "2", "b"),
            RoomEvent("moderation.score", "3", "c"),
            RoomEvent("gift.sent", "4", "d"),
            RoomEvent("report.filed", "5", "e"),
            RoomEvent("chat.message", "6", "c"),
            RoomEvent("moderation.decision", "7", "f"),
        };

        await new GrainEventSink(factory, Lane).DeliverAsync(events, CancellationToken.None);

        var rooms = factory.Calls.Where(c => c.Grain.StartsWith("ILiveRoomGrain/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["c", "e", "f", "a", "b", "d"], rooms.Select(c => c.Grain["ILiveRoomGrain/".Length..]));
        Assert.Equal(["3", "6"], rooms[0].Events.Select(e => e.Id)); // a room's events stay together, in request order
    }

    [Fact]
    public async Task ARoomWhoseSafetySignalFollowsItsCalmEventsIsSentFirstWithAllOfThemInOrder()
    {
        var factory = new RecordingGrainFactory();
        var events = new[]
        {
            RoomEvent("chat.message", "1", "a"),
            RoomEvent("viewer.joined", "2", "b"),
            RoomEvent("chat.message", "3", "b"),
            RoomEvent("report.filed", "4", "b"),
        };

        await new GrainEventSink(factory, Lane).DeliverAsync(events, CancellationToken.None);

        Assert.Equal(["ILiveRoomGrain/b", "ILiveRoomGrain/a"], factory.Calls.Select(c => c.Grain));
        Assert.Equal(["2", "3", "4"], factory.Calls[0].Events.Select(e => e.Id));
    }

    [Fact]
    public async Task ASecondRequestOnTheSameSinkIsGroupedAfreshWithNothingOfTheFirst()
    {
        // The grouping's counts and flags live in pooled arrays. Both deliveries start on this thread, and the first
        // hands its arrays back before it returns, so the second rents the same ones (the same size: 40 events each).
        var factory = new RecordingGrainFactory();
        var sink = new GrainEventSink(factory, Lane);
        var first = Enumerable.Range(0, 40)
            .Select(i => RoomEvent(i == 10 ? "moderation.score" : "chat.message", "f" + i, $"room-{i % 9}"))
            .ToArray();
        var second = Enumerable.Range(0, 40)
            .Select(i => RoomEvent("chat.message", "s" + i, i % 2 == 0 ? "x" : "y"))
            .ToArray();

        var firstDelivery = sink.DeliverAsync(first, CancellationToken.None);
        var secondDelivery = sink.DeliverAsync(second, CancellationToken.None);
        await Task.WhenAll(firstDelivery, secondDelivery);

        // Slot 1 of the first request (room-1) had a safety signal and five events, slot 0 (room-0) none; slot 1 of the
        // second (y) has none and 20 events.
        var calls = factory.Calls.Where(c => c.Grain is "ILiveRoomGrain/x" or "ILiveRoomGrain/y").ToArray();
        Assert.Equal(["ILiveRoomGrain/x", "ILiveRoomGrain/y"], calls.Select(c => c.Grain));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => "s" + (2 * i)), calls[0].Events.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => "s" + (2 * i + 1)), calls[1].Events.Select(e => e.Id));
    }

    [Fact]
    public async Task InARequestForHundredsOfRoomsTheSafetyRoomsGoFirstAndEveryRoomIsReachedOnce()
    {
        var factory = new RecordingGrainFactory();
        var safety = new[] { 7, 150, 299 };
        var events = Enumerable.Range(0, 300)
            .Select(i => RoomEvent(safety.Contains(i) ? "moderation.score" : "chat.message", "e" + i, $"room-{i}"))
            .ToArray();

        await new GrainEventSink(factory, Lane).DeliverAsync(events, CancellationToken.None).Within("the delivery to 300 rooms");

        var rooms = factory.Calls.Select(c => c.Grain).ToArray();
        Assert.Equal(["ILiveRoomGrain/room-7", "ILiveRoomGrain/room-150", "ILiveRoomGrain/room-299"], rooms[..3]);
        Assert.Equal(300, rooms.Distinct().Count());
        Assert.Equal(300, rooms.Length);
    }

    [Theory]
    [InlineData("moderation.score", true)]
    [InlineData("report.filed", true)]
    [InlineData("moderation.decision", true)]
    [InlineData("chat.message", false)]
    [InlineData("viewer.joined", false)]
    [InlineData("gift.sent", false)]
    [InlineData("room.started", false)]
    public void SafetySignalsAreTheEventsThatCanRaiseAnAlertOnTheirOwn(string type, bool expected) =>
        Assert.Equal(expected, GrainEventSink.IsSafetySignal(Parse(TestEvents.Valid(type, "x").Line()).Type));

    [Fact]
    public async Task AllGrainsAreCalledBeforeAnyCallCompletes()
    {
        var factory = new RecordingGrainFactory(holdCalls: true);
        var events = new[] { "room.started", "gift.sent", "user.session" }.Select((t, i) => Parse(TestEvents.Valid(t, "e" + i).Line())).ToArray();

        var delivering = new GrainEventSink(factory, Lane).DeliverAsync(events, CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (factory.Calls.Count < 3 && DateTime.UtcNow < deadline)
        {
            // The calm room is sent from the bulk lane's thread, a moment after the request's own sends.
            await Task.Delay(5);
        }

        var callsWhileHeld = factory.Calls.Count;
        var completedWhileHeld = delivering.IsCompleted;
        factory.ReleaseCalls();
        await delivering.Within("the delivery to complete after the grains answered");

        Assert.Equal(3, callsWhileHeld); // room-1, bc-1 and user-1, each once, while none has answered
        Assert.False(completedWhileHeld);
    }

    [Fact]
    public async Task ARequestForHundredsOfRoomsReachesEachRoomOnceWithItsEventsInOrder()
    {
        var factory = new RecordingGrainFactory(holdCalls: true);
        var events = Enumerable.Range(0, 400)
            .Select(i => RoomEvent("chat.message", "e" + i, $"room-{i % 200}"))
            .ToArray();

        var delivering = new GrainEventSink(factory, Lane).DeliverAsync(events, CancellationToken.None);
        var completedWhileHeld = delivering.IsCompleted;
        factory.ReleaseCalls();
        await delivering.Within("the delivery to 200 rooms to complete");

        Assert.False(completedWhileHeld);
        Assert.Equal(200, factory.Calls.Count);
        Assert.All(factory.Calls, call =>
        {
            var room = int.Parse(call.Grain["ILiveRoomGrain/room-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(["e" + room, "e" + (room + 200)], call.Events.Select(e => e.Id));
        });
    }

    [Fact]
    public async Task ADeliveryThatFailsWaitsUntilItsSecondSenderHasSentEveryRoom()
    {
        var recorder = new RecordingGrainFactory();
        using var factory = new FailingAndBlockingGrainFactory(recorder, failKey: "bc-boom", blockKey: "room-150");
        var events = Enumerable.Range(0, 200)
            .Select(i => RoomEvent("chat.message", "e" + i, $"room-{i}"))
            .Append(Parse(TestEvents.Valid("room.started", "start").With("roomId", "\"room-0\"").With("broadcasterId", "\"bc-boom\"").Line()))
            .ToArray();

        var delivering = new GrainEventSink(factory, Lane).DeliverAsync(events, CancellationToken.None);
        var endedWhileSecondSenderBlocked = delivering.IsCompleted;
        factory.Unblock();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => delivering.Within("the failed delivery to end"));

        Assert.False(endedWhileSecondSenderBlocked, "the delivery ended while its second sender was still sending");
        Assert.Contains("bc-boom", failure.Message, StringComparison.Ordinal);
        Assert.Contains(recorder.Calls, c => c.Grain == "ILiveRoomGrain/room-150");
    }

    private static string Ledger(string userId) => "IGifterLedgerGrain/" + GifterPartitions.KeyOf(userId);

    /// <summary>A valid event of <paramref name="type"/> with id <paramref name="id"/> in room <paramref name="room"/> (a plain id, quoted here).</summary>
    private static LiveEvent RoomEvent(string type, string id, string room) =>
        Parse(TestEvents.Valid(type, id).With("roomId", $"\"{room}\"").Line());

    private static LiveEvent Parse(string line) =>
        Assert.Single(EventBatchParser.Parse(Encoding.UTF8.GetBytes(line), ContentKind.NdJson, IngestServer.Now).Events);
}
