using System.Net;
using System.Net.Sockets;
using Vigil.Simulator.Targets;
using Vigil.Simulator.Tests.Support;

namespace Vigil.Simulator.Tests;

public sealed class HttpEventTargetTests
{
    [Fact]
    public async Task SenderPostsNdjsonBatchesOf500To1000EventsWithTheApiKey()
    {
        await using var server = await FakeIngestServer.StartAsync();
        using var target = new HttpEventTarget(server.BaseAddress, FakeIngestServer.Key);
        var options = TestTraffic.Options(seed: 21);
        options.MaxEvents = 5_600;

        var report = await SimulatorRunner.RunAsync(options, target, TimeProvider.System, CancellationToken.None);

        var requests = server.Requests.ToList();
        Assert.Equal(6, requests.Count);
        Assert.All(requests, r => Assert.InRange(r.Lines, 500, 1000));
        Assert.All(requests, r => Assert.Equal(FakeIngestServer.Key, r.ApiKey));
        Assert.All(requests, r => Assert.Equal("application/x-ndjson", r.ContentType));
        Assert.Equal((5_600L, 5_600L, 0L), (report.EventsSent, report.Accepted, report.Rejected));
    }

    [Fact]
    public async Task ReceiverCountsOfAcceptedAndRejectedLinesAreTallied()
    {
        await using var server = await FakeIngestServer.StartAsync(rejectLinesContaining: "\"type\":\"follow\"");
        using var target = new HttpEventTarget(server.BaseAddress, FakeIngestServer.Key);
        var options = TestTraffic.Options(seed: 21);
        options.MaxEvents = 3_000;

        var report = await SimulatorRunner.RunAsync(options, target, TimeProvider.System, CancellationToken.None);

        var follows = server.Requests.Sum(r => System.Text.Encoding.UTF8.GetString(r.Body).Split('\n').Count(l => l.Contains("\"type\":\"follow\"", StringComparison.Ordinal)));
        Assert.True(follows > 0, "The sample has no follow events to reject.");
        Assert.Equal(follows, report.Rejected);
        Assert.Equal(3_000 - follows, report.Accepted);
        Assert.NotEmpty(report.SampleRejections);
    }

    [Fact]
    public async Task ServerErrorsAreRetriedUntilTheBatchIsAccepted()
    {
        await using var server = await FakeIngestServer.StartAsync(failFirst: 2);
        using var target = new HttpEventTarget(server.BaseAddress, FakeIngestServer.Key, new VirtualTimeProvider(TestTraffic.Start));

        var result = await target.SendAsync(Batch(3), CancellationToken.None);

        Assert.Equal((3, 3), (result.Accepted, result.Attempts));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task ConnectionErrorsAreRetriedWithBackoffThenReportedNamingTheEndpoint()
    {
        var closedPort = ClosedLoopbackPort();
        var clock = new VirtualTimeProvider(TestTraffic.Start);
        using var target = new HttpEventTarget(new Uri($"http://127.0.0.1:{closedPort}"), FakeIngestServer.Key, clock, maxRetries: 4);

        var failure = await Assert.ThrowsAsync<EventTargetException>(async () => await target.SendAsync(Batch(1), CancellationToken.None));

        Assert.Contains("after 5 attempts", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{closedPort}/api/events", failure.Message, StringComparison.Ordinal);

        // Backoff 250, 500, 1000, 2000 ms, each jittered to between half and all of it.
        Assert.InRange(clock.GetUtcNow() - TestTraffic.Start, TimeSpan.FromMilliseconds(1875), TimeSpan.FromMilliseconds(3750));
    }

    [Fact]
    public async Task AWrongApiKeyIsNotRetried()
    {
        await using var server = await FakeIngestServer.StartAsync();
        using var target = new HttpEventTarget(server.BaseAddress, "wrong-key", new VirtualTimeProvider(TestTraffic.Start));

        var failure = await Assert.ThrowsAsync<EventTargetException>(async () => await target.SendAsync(Batch(2), CancellationToken.None));

        Assert.Contains("refused the API key", failure.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    private static EventBatch Batch(int count)
    {
        var lines = TestTraffic.Generate(TestTraffic.Options(), TestTraffic.Start, count: count);
        return new EventBatch(lines.SelectMany(l => l.Append((byte)'\n')).ToArray(), count);
    }

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
