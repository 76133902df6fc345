using Vigil.Ingest.Tests.Infrastructure;

namespace Vigil.Ingest.Tests.Contract;

[Collection(IngestServerCollection.Name)]
public sealed class DuplicateTests(IngestServer server)
{
    [Fact]
    public async Task IdSeenInAnEarlierRequestIsCountedAsDuplicateAndNotDeliveredAgain()
    {
        var prefix = TestEvents.NewPrefix();
        await server.PostLinesAsync(TestEvents.Chat(prefix + "1"), TestEvents.Chat(prefix + "2"));

        var retry = await server.PostLinesAsync(TestEvents.Chat(prefix + "1"), TestEvents.Chat(prefix + "2"), TestEvents.Chat(prefix + "3"));

        Assert.Equal((1, 2), (retry.Accepted, retry.Duplicates));
        Assert.Equal([prefix + "1", prefix + "2", prefix + "3"], server.Sink.DeliveredWithPrefix(prefix).Select(e => e.Id));
    }

    [Fact]
    public async Task IdRepeatedWithinOneRequestIsDeliveredOnce()
    {
        var prefix = TestEvents.NewPrefix();

        var reply = await server.PostLinesAsync(TestEvents.Chat(prefix + "1"), TestEvents.Chat(prefix + "1"), TestEvents.Chat(prefix + "1"));

        Assert.Equal((1, 2), (reply.Accepted, reply.Duplicates));
        Assert.Single(server.Sink.DeliveredWithPrefix(prefix));
    }

    [Fact]
    public async Task SameIdWithAnotherTypeOrTimeIsStillADuplicate()
    {
        var prefix = TestEvents.NewPrefix();
        await server.PostLinesAsync(TestEvents.Chat(prefix + "1", server.Clock.GetUtcNow().AddHours(-3)));

        var reply = await server.PostLinesAsync(TestEvents.Valid("follow", prefix + "1").Line());

        Assert.Equal((0, 1), (reply.Accepted, reply.Duplicates));
    }

    [Fact]
    public async Task DuplicateOfAnOldButRetainedEventIsStillDetected()
    {
        var prefix = TestEvents.NewPrefix();
        var ts = server.Clock.GetUtcNow().AddHours(-23);
        await server.PostLinesAsync(TestEvents.Chat(prefix + "1", ts));
        await server.PostLinesAsync(TestEvents.Chat(prefix + "2"));

        var retry = await server.PostLinesAsync(TestEvents.Chat(prefix + "1", ts));

        Assert.Equal((0, 1), (retry.Accepted, retry.Duplicates));
    }

    [Fact]
    public async Task ConcurrentRequestsWithTheSameIdsDeliverEachIdOnce()
    {
        var prefix = TestEvents.NewPrefix();
        var lines = Enumerable.Range(0, 200).Select(i => TestEvents.Chat(prefix + i)).ToArray();

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => server.PostLinesAsync(lines))));

        Assert.Equal(200, replies.Sum(r => r.Accepted));
        Assert.Equal(7 * 200, replies.Sum(r => r.Duplicates));
        Assert.Equal(200, server.Sink.DeliveredWithPrefix(prefix).Count);
    }

    [Fact]
    public async Task DuplicatesAcrossNdJsonAndJsonArrayBodiesAreDetected()
    {
        var prefix = TestEvents.NewPrefix();
        await server.PostLinesAsync(TestEvents.Chat(prefix + "1"));

        var reply = await server.PostAsync("[" + TestEvents.Chat(prefix + "1") + "]", "application/json");

        Assert.Equal((0, 1), (reply.Accepted, reply.Duplicates));
    }
}
