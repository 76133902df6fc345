using System.Net;
using Vigil.Ingest.Tests.Infrastructure;

namespace Vigil.Ingest.Tests.Contract;

[Collection(IngestServerCollection.Name)]
public sealed class MediaTypeTests(IngestServer server)
{
    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/ndjson-ish")]
    [InlineData("application/x-ndjson; charset=iso-8859-1")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task UnsupportedContentTypeGets415AndNothingIsDelivered(string contentType)
    {
        var prefix = TestEvents.NewPrefix();

        var reply = await server.PostAsync(TestEvents.Chat(prefix + "1"), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reply.Status);
        Assert.Empty(server.Sink.DeliveredWithPrefix(prefix));
    }

    [Fact]
    public async Task RequestWithoutContentTypeGets415()
    {
        using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(TestEvents.Chat(TestEvents.NewPrefix() + "1")));

        var reply = await server.SendAsync(content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reply.Status);
        Assert.Contains("application/x-ndjson", reply.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/x-ndjson; charset=utf-8")]
    [InlineData("Application/X-NDJSON")]
    [InlineData("application/x-ndjson;charset=UTF8")]
    public async Task NdJsonContentTypeWithUtf8CharsetOrAnyCaseIsAccepted(string contentType)
    {
        var reply = await server.PostAsync(TestEvents.Chat(TestEvents.NewPrefix() + "1"), contentType);

        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        Assert.Equal(1, reply.Accepted);
    }
}
