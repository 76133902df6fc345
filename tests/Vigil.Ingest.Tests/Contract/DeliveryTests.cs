using System.Net;
using Vigil.Ingest.Tests.Infrastructure;

namespace Vigil.Ingest.Tests.Contract;

[Collection(IngestServerCollection.Name)]
public sealed class DeliveryTests(IngestServer server)
{
    [Fact]
    public async Task AcceptedAnswerComesOnlyAfterDeliveryCompletes()
    {
        var prefix = TestEvents.NewPrefix();
        var hold = server.Sink.HoldNextDelivery();

        var posting = server.PostLinesAsync(TestEvents.Chat(prefix + "1"));
        await hold.Started.Within("the delivery to start");
        var answeredWhileHeld = posting.IsCompleted;
        hold.Release();
        var reply = await posting.Within("the 202 after the delivery was released");

        Assert.False(answeredWhileHeld);
        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
    }

    [Fact]
    public async Task FailedDeliveryGets503AndTheRetryIsDeliveredNotCountedAsDuplicate()
    {
        var prefix = TestEvents.NewPrefix();
        server.Sink.FailNextDelivery();

        var failed = await server.PostLinesAsync(TestEvents.Chat(prefix + "1"), TestEvents.Chat(prefix + "2"));
        var retry = await server.PostLinesAsync(TestEvents.Chat(prefix + "1"), TestEvents.Chat(prefix + "2"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.Status);
        Assert.Equal((2, 0), (retry.Accepted, retry.Duplicates));
        Assert.Equal(2, server.Sink.DeliveredWithPrefix(prefix).Count);
    }

    [Fact]
    public async Task RequestWithOnlyDuplicatesAndRejectionsDeliversNothing()
    {
        var prefix = TestEvents.NewPrefix();
        await server.PostLinesAsync(TestEvents.Chat(prefix + "1"));
        server.Sink.FailNextDelivery();

        var reply = await server.PostLinesAsync(TestEvents.Chat(prefix + "1"), "bad");

        var deliveryWasAttempted = !server.Sink.CancelPendingFailure();

        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        Assert.Equal((0, 1, 1), (reply.Accepted, reply.Duplicates, reply.Rejected.Count));
        Assert.False(deliveryWasAttempted);
    }
}
