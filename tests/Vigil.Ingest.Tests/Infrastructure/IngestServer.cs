using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Ingest.Delivery;

namespace Vigil.Ingest.Tests.Infrastructure;

/// <summary>
/// A real Kestrel host on 127.0.0.1 with a free port, running ingest over a <see cref="RecordingEventSink"/> and a
/// <see cref="FakeTimeProvider"/> standing at <see cref="Now"/>. Started once for the collection; every test uses
/// its own id prefix, so tests do not see each other's events.
/// </summary>
public sealed class IngestServer : IAsyncLifetime
{
    public const string ApiKey = "test-producer-key-0001";
    public const string SecondApiKey = "test-producer-key-0002";

    private WebApplication? _app;

    public static DateTimeOffset Now { get; } = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);

    public RecordingEventSink Sink { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vigil:Ingest:ApiKeys:0"] = ApiKey,
            ["Vigil:Ingest:ApiKeys:1"] = SecondApiKey,
        });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddProvider(Logs);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddSingleton<IEventSink>(Sink);
        builder.AddVigilIngest();
        _app = builder.Build();
        _app.MapIngest();
        await _app.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>Posts NDJSON lines (joined with \n) with the producer key.</summary>
    public Task<IngestReply> PostLinesAsync(params string[] lines) => PostAsync(string.Join("\n", lines));

    public Task<IngestReply> PostAsync(string body, string contentType = "application/x-ndjson", string? apiKey = ApiKey) =>
        PostAsync(Encoding.UTF8.GetBytes(body), contentType, apiKey);

    public async Task<IngestReply> PostAsync(byte[] body, string contentType = "application/x-ndjson", string? apiKey = ApiKey)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await SendAsync(content, apiKey);
    }

    public async Task<IngestReply> SendAsync(HttpContent content, string? apiKey = ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = content };
        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", apiKey);
        }

        using var response = await Client.SendAsync(request);
        return new IngestReply(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }
}
