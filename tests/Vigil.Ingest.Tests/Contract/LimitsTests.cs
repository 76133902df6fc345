using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Vigil.Ingest.Tests.Infrastructure;

namespace Vigil.Ingest.Tests.Contract;

[Collection(IngestServerCollection.Name)]
public sealed class LimitsTests(IngestServer server)
{
    private const int SixteenMiB = 16 * 1024 * 1024;

    [Fact]
    public async Task RequestWith10000EventsIsAccepted()
    {
        var prefix = TestEvents.NewPrefix();
        var lines = Enumerable.Range(0, 10_000).Select(i => TestEvents.Chat(prefix + i)).ToArray();

        var reply = await server.PostLinesAsync(lines);

        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        Assert.Equal(10_000, reply.Accepted);
        Assert.Equal(10_000, server.Sink.DeliveredWithPrefix(prefix).Count);
    }

    [Fact]
    public async Task RequestWith10001EventsGets413AndNothingIsDelivered()
    {
        var prefix = TestEvents.NewPrefix();
        var lines = Enumerable.Range(0, 10_001).Select(i => TestEvents.Chat(prefix + i)).ToArray();

        var reply = await server.PostLinesAsync(lines);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Contains("10000", reply.Body, StringComparison.Ordinal);
        Assert.Empty(server.Sink.DeliveredWithPrefix(prefix));
    }

    [Fact]
    public async Task RequestWith10001EventsGets413EvenWhenSomeAreInvalid()
    {
        var prefix = TestEvents.NewPrefix();
        var lines = Enumerable.Range(0, 10_001).Select(i => i % 2 == 0 ? TestEvents.Chat(prefix + i) : "{broken").ToArray();

        var reply = await server.PostLinesAsync(lines);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Empty(server.Sink.DeliveredWithPrefix(prefix));
    }

    [Fact]
    public async Task JsonArrayWith10001EventsGets413AndNothingIsDelivered()
    {
        var prefix = TestEvents.NewPrefix();
        var body = "[" + string.Join(",", Enumerable.Range(0, 10_001).Select(i => TestEvents.Chat(prefix + i))) + "]";

        var reply = await server.PostAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Empty(server.Sink.DeliveredWithPrefix(prefix));
    }

    [Fact]
    public async Task BlankLinesDoNotCountTowardsTheEventLimit()
    {
        var prefix = TestEvents.NewPrefix();
        var lines = Enumerable.Range(0, 10_000).SelectMany(i => i % 100 == 0 ? new[] { "", TestEvents.Chat(prefix + i) } : [TestEvents.Chat(prefix + i)]).ToArray();

        var reply = await server.PostLinesAsync(lines);

        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        Assert.Equal(10_000, reply.Accepted);
    }

    [Fact]
    public async Task BodyOfExactly16MiBIsAccepted()
    {
        var prefix = TestEvents.NewPrefix();
        var body = PaddedBody(prefix, SixteenMiB);

        var reply = await server.PostAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        Assert.Equal(1_000, reply.Accepted);
    }

    [Fact]
    public async Task BodyLargerThan16MiBWithContentLengthGets413AndNothingIsDelivered()
    {
        var prefix = TestEvents.NewPrefix();
        var body = PaddedBody(prefix, SixteenMiB + 1);

        var reply = await server.PostAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Empty(server.Sink.DeliveredWithPrefix(prefix));
    }

    [Fact]
    public async Task StreamedBodyLargerThan16MiBWithoutContentLengthGets413AndNothingIsDelivered()
    {
        var prefix = TestEvents.NewPrefix();
        var content = new StreamedContent(PaddedBody(prefix, SixteenMiB + 1));

        var reply = await server.SendAsync(content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Empty(server.Sink.DeliveredWithPrefix(prefix));
    }

    [Fact]
    public async Task StreamedBodyWithinTheLimitIsAccepted()
    {
        var prefix = TestEvents.NewPrefix();
        var content = new StreamedContent(PaddedBody(prefix, 3 * 1024 * 1024));

        var reply = await server.SendAsync(content);

        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        Assert.Equal(1_000, reply.Accepted);
    }

    [Fact]
    public async Task ServerStillAnswersAfterRefusingAnOversizedBody()
    {
        using var content = new ByteArrayContent(new byte[SixteenMiB + 100]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        await server.SendAsync(content);

        var reply = await server.PostLinesAsync(TestEvents.Chat(TestEvents.NewPrefix() + "1"));

        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
    }

    /// <summary>1,000 valid chat lines, each padded with an unknown field, joined by \n to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] PaddedBody(string prefix, int size)
    {
        const int count = 1_000;
        var lines = Enumerable.Range(0, count).Select(i => TestEvents.Chat(prefix + i)).ToArray();
        var padding = size - (count - 1) - lines.Sum(l => Encoding.UTF8.GetByteCount(l));
        var builder = new StringBuilder(size);
        for (var i = 0; i < count; i++)
        {
            var pad = padding / count + (i == count - 1 ? padding % count : 0);
            var line = lines[i];

            // ,"pad":"xxx" is 9 bytes of syntax plus the x's.
            builder.Append(line, 0, line.Length - 1).Append(",\"pad\":\"").Append('x', pad - 9).Append("\"}");
            if (i < count - 1)
            {
                builder.Append('\n');
            }
        }

        var body = Encoding.UTF8.GetBytes(builder.ToString());
        Assert.Equal(size, body.Length);
        return body;
    }
}
