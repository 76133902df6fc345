using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Grains;
using Vigil.Grains.Rooms;
using Vigil.Ingest.Tests.Infrastructure;
using Vigil.Runtime;
using Vigil.Runtime.Hosting;

namespace Vigil.Ingest.Tests.EndToEnd;

/// <summary>
/// A real Kestrel host with the grain runtime, Vigil's grains over in-memory storage and ingest wired as the silo
/// wires it (so events go through <see cref="Vigil.Ingest.Delivery.GrainEventSink"/>), on a fake clock.
/// </summary>
public sealed class GrainSiloIngestServer : IAsyncLifetime
{
    private WebApplication? _app;

    public FakeTimeProvider Clock { get; } = new(IngestServer.Now);

    public GrainRuntime Grains => _app!.Services.GetRequiredService<GrainRuntime>();

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Vigil:Ingest:ApiKeys:0"] = IngestServer.ApiKey });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddGrainRuntime(o => o.DefaultIdleTimeout = TimeSpan.FromDays(365))
            .AddGrainAssembly(typeof(LiveRoomGrain).Assembly)
            .AddMemoryGrainStorage()
            .AddVigilGrainServices();
        builder.AddVigilIngest();
        _app = builder.Build();
        _app.MapIngest();
        await _app.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    public async Task<IngestReply> PostLinesAsync(params string[] lines)
    {
        using var content = new StringContent(string.Join("\n", lines), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = content };
        request.Headers.Add("X-Api-Key", IngestServer.ApiKey);
        using var response = await Client.SendAsync(request);
        return new IngestReply(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
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
}
