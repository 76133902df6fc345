using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Vigil.Ingest.Tests.Infrastructure;

namespace Vigil.Ingest.Tests.Contract;

[Collection(IngestServerCollection.Name)]
public sealed class AuthenticationTests(IngestServer server)
{
    [Fact]
    public async Task RequestWithoutApiKeyGets401AndNothingIsDelivered()
    {
        var prefix = TestEvents.NewPrefix();

        var reply = await server.PostAsync(TestEvents.Chat(prefix + "1"), apiKey: null);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Empty(server.Sink.DeliveredWithPrefix(prefix));
    }

    [Theory]
    [InlineData("wrong-key-wrong-key")]
    [InlineData("TEST-PRODUCER-KEY-0001")]
    [InlineData("test-producer-key-000")]
    [InlineData("test-producer-key-00011")]
    [InlineData(" ")]
    public async Task RequestWithWrongApiKeyGets401AndNothingIsDelivered(string key)
    {
        var prefix = TestEvents.NewPrefix();

        var reply = await server.PostAsync(TestEvents.Chat(prefix + "1"), apiKey: key);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Empty(server.Sink.DeliveredWithPrefix(prefix));
    }

    [Fact]
    public async Task RequestWithWrongApiKeyIsNotUsedLaterEither()
    {
        var prefix = TestEvents.NewPrefix();
        await server.PostAsync(TestEvents.Chat(prefix + "1"), apiKey: "wrong-key-wrong-key");

        var retry = await server.PostLinesAsync(TestEvents.Chat(prefix + "1"));

        Assert.Equal(1, retry.Accepted);
        Assert.Equal(0, retry.Duplicates);
    }

    [Fact]
    public async Task EveryConfiguredApiKeyIsAccepted()
    {
        var prefix = TestEvents.NewPrefix();

        var first = await server.PostAsync(TestEvents.Chat(prefix + "1"), apiKey: IngestServer.ApiKey);
        var second = await server.PostAsync(TestEvents.Chat(prefix + "2"), apiKey: IngestServer.SecondApiKey);

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.Accepted, second.Status);
        Assert.Equal(2, server.Sink.DeliveredWithPrefix(prefix).Count);
    }

    [Fact]
    public async Task RequestWithTwoApiKeyHeadersGets401()
    {
        var prefix = TestEvents.NewPrefix();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = new StringContent(TestEvents.Chat(prefix + "1"), Encoding.UTF8, "application/x-ndjson"),
        };
        request.Headers.TryAddWithoutValidation("X-Api-Key", [IngestServer.ApiKey, IngestServer.SecondApiKey]);

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(server.Sink.DeliveredWithPrefix(prefix));
    }

    [Fact]
    public async Task WrongApiKeyIsAnsweredBeforeTheMediaTypeOrSizeIsLookedAt()
    {
        using var content = new ByteArrayContent(new byte[17 * 1024 * 1024]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        var reply = await server.SendAsync(content, apiKey: "wrong-key-wrong-key");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
    }
}
