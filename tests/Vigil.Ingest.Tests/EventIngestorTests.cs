using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Ingest.Delivery;
using Vigil.Ingest.Parsing;
using Vigil.Ingest.Tests.Infrastructure;

namespace Vigil.Ingest.Tests;

/// <summary>The pipeline an in-process producer (the embedded simulator) calls without HTTP or an API key.</summary>
public sealed class EventIngestorTests
{
    [Fact]
    public async Task InProcessBatchGetsTheSameValidationAndIdempotencyAsHttp()
    {
        var sink = new RecordingEventSink();
        await using var services = Services(sink);
        var ingestor = services.GetRequiredService<EventIngestor>();
        var body = Encoding.UTF8.GetBytes(TestEvents.Chat("a") + "\n" + TestEvents.Chat("a") + "\n" + "{}\n");

        var first = await ingestor.IngestAsync(body, ContentKind.NdJson);
        var again = await ingestor.IngestAsync(body, ContentKind.NdJson);

        Assert.Equal(IngestOutcome.Accepted, first.Outcome);
        Assert.Equal((1, 1, 3), (first.Response!.Accepted, first.Response.Duplicates, first.Response.Rejected[0].Line));
        Assert.Equal((0, 2), (again.Response!.Accepted, again.Response.Duplicates));
        Assert.Single(sink.Delivered);
    }

    [Fact]
    public async Task BatchOverTheEventLimitIsRefusedWithoutDelivering()
    {
        var sink = new RecordingEventSink();
        await using var services = Services(sink, ("Vigil:Ingest:MaxEvents", "2"));
        var body = Encoding.UTF8.GetBytes(string.Join("\n", TestEvents.Chat("a"), TestEvents.Chat("b"), TestEvents.Chat("c")));

        var result = await services.GetRequiredService<EventIngestor>().IngestAsync(body, ContentKind.NdJson);

        Assert.Equal(IngestOutcome.TooManyEvents, result.Outcome);
        Assert.Contains("more than 2 events", result.Problem, StringComparison.Ordinal);
        Assert.Empty(sink.Delivered);
    }

    private static ServiceProvider Services(IEventSink sink, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(IngestServer.Now))
            .AddSingleton(sink)
            .AddVigilIngest()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
