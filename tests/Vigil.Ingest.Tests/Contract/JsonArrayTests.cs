using System.Net;
using System.Text;
using Vigil.Ingest.Tests.Infrastructure;

namespace Vigil.Ingest.Tests.Contract;

[Collection(IngestServerCollection.Name)]
public sealed class JsonArrayTests(IngestServer server)
{
    [Fact]
    public async Task JsonArrayOfEventsIsAccepted()
    {
        var prefix = TestEvents.NewPrefix();
        var body = $"[\n  {TestEvents.Chat(prefix + "1")},\n  {TestEvents.Valid("gift.sent", prefix + "2").Line()}\n]\n";

        var reply = await server.PostAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        Assert.Equal(2, reply.Accepted);
        Assert.Equal([prefix + "1", prefix + "2"], server.Sink.DeliveredWithPrefix(prefix).Select(e => e.Id));
    }

    [Fact]
    public async Task BadElementIsRejectedWithItsIndexPlusOneAndTheOthersAreAccepted()
    {
        var prefix = TestEvents.NewPrefix();
        var elements = new[]
        {
            TestEvents.Chat(prefix + "1"),
            TestEvents.Valid("moderation.score", prefix + "2").With("score", "2").Line(),
            "42",
            "[]",
            TestEvents.Chat(prefix + "5"),
        };

        var reply = await server.PostAsync("[" + string.Join(",", elements) + "]", "application/json");

        Assert.Equal(2, reply.Accepted);
        Assert.Equal([(2, prefix + "2"), (3, null), (4, null)], reply.Rejected.Select(r => (r.Line, r.Id)));
        Assert.StartsWith("score: must be a number between 0 and 1", reply.Rejected[0].Error, StringComparison.Ordinal);
        Assert.Equal("event: must be a JSON object, got a number", reply.Rejected[1].Error);
    }

    [Fact]
    public async Task ElementWithInvalidUtf8IsRejectedOnItsOwn()
    {
        var prefix = TestEvents.NewPrefix();
        var bad = Encoding.UTF8.GetBytes(TestEvents.Chat(prefix + "2")).Select(b => b == (byte)'h' ? (byte)0xFF : b);
        var body = Encoding.UTF8.GetBytes("[" + TestEvents.Chat(prefix + "1") + ",").Concat(bad).Concat(Encoding.UTF8.GetBytes("]")).ToArray();

        var reply = await server.PostAsync(body, "application/json");

        Assert.Equal(1, reply.Accepted);
        Assert.Equal(2, Assert.Single(reply.Rejected).Line);
    }

    [Fact]
    public async Task EmptyArrayIsAcceptedWithNothingInIt()
    {
        var reply = await server.PostAsync("[]", "application/json");

        Assert.Equal((HttpStatusCode.Accepted, 0), (reply.Status, reply.Accepted));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"id\":\"x\"}")]
    [InlineData("[{\"id\":\"x\"},")]
    [InlineData("[{\"id\":\"x\"}] trailing")]
    [InlineData("[{\"id\":\"x\"}][]")]
    [InlineData("[{\"id\":\"x\"} {\"id\":\"y\"}]")]
    [InlineData("[{\"id\":\"x\",}]")]
    public async Task BodyThatIsNotOneWellFormedJsonArrayGets400AndNothingIsDelivered(string tail)
    {
        var prefix = TestEvents.NewPrefix();
        var body = tail.Length == 0 ? "" : tail.StartsWith('{') ? tail : "[" + TestEvents.Chat(prefix + "1") + "," + tail[1..];

        var reply = await server.PostAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("nothing was used", reply.Body, StringComparison.Ordinal);
        Assert.Empty(server.Sink.DeliveredWithPrefix(prefix));
    }

    [Fact]
    public async Task NdJsonBodySentAsJsonGets400NamingTheOtherMediaType()
    {
        var prefix = TestEvents.NewPrefix();

        var reply = await server.PostAsync(TestEvents.Chat(prefix + "1") + "\n" + TestEvents.Chat(prefix + "2"), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("application/x-ndjson", reply.Body, StringComparison.Ordinal);
    }
}
