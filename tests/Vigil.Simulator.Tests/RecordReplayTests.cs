using Vigil.Simulator.Recording;
using Vigil.Simulator.Tests.Support;

namespace Vigil.Simulator.Tests;

public sealed class RecordReplayTests
{
    private static readonly DateTimeOffset ReplayClock = TestTraffic.Start.AddDays(1);

    [Fact]
    public async Task RecordThenReplaySendsTheRecordedBytes()
    {
        var recorded = await RecordAsync(seed: 3, events: 7_500);
        var target = new CollectingTarget();

        var report = await NdjsonReplayer.ReplayAsync(new MemoryStream(recorded), target, new ReplayOptions { Rate = 0 }, new VirtualTimeProvider(ReplayClock), CancellationToken.None);

        Assert.Equal(7_500, report.EventsSent);
        Assert.True(recorded.AsSpan().SequenceEqual(target.AllBytes), "The replayed bytes differ from the recording.");
        Assert.All(target.Batches, b => Assert.InRange(b.Batch.Count, 500, 1000));
    }

    [Fact]
    public async Task SendingASeedToATargetGivesTheSameBytesAsRecordingIt()
    {
        var recorded = await RecordAsync(seed: 9, events: 3_000);
        var target = new CollectingTarget();

        await SimulatorRunner.RunAsync(Offline(seed: 9, events: 3_000), target, new VirtualTimeProvider(ReplayClock), CancellationToken.None);

        Assert.True(recorded.AsSpan().SequenceEqual(target.AllBytes), "Sending and recording the same seed gave different bytes.");
    }

    [Fact]
    public async Task ReplayKeepsToTheRequestedRate()
    {
        var recorded = await RecordAsync(seed: 4, events: 10_000);
        var clock = new VirtualTimeProvider(ReplayClock);
        var target = new CollectingTarget(clock);

        var report = await NdjsonReplayer.ReplayAsync(new MemoryStream(recorded), target, new ReplayOptions { Rate = 1000 }, clock, CancellationToken.None);

        // Ten batches of 1000 at 1000 events/s: the last goes out nine seconds after the first.
        Assert.Equal(10, report.Batches);
        Assert.Equal(TimeSpan.FromSeconds(9), target.Batches[^1].SentAt - target.Batches[0].SentAt);
    }

    [Fact]
    public async Task ReplayHoldsBackEventsStampedMoreThanFourMinutesAhead()
    {
        var recorded = await RecordAsync(seed: 4, events: 2_000);
        var clock = new VirtualTimeProvider(TestTraffic.Start - TimeSpan.FromMinutes(30));
        var target = new CollectingTarget(clock);

        await NdjsonReplayer.ReplayAsync(new MemoryStream(recorded), target, new ReplayOptions { Rate = 0 }, clock, CancellationToken.None);

        foreach (var (sentAt, batch) in target.Batches)
        {
            var latest = batch.Lines().Select(line => WireEvent.Parse(line.ToArray()).Ts).Max();
            Assert.True(latest <= sentAt + TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(1), $"A batch sent at {sentAt:O} carries ts {latest:O}.");
        }
    }

    [Fact]
    public async Task ReplayReadsLinesLongerThanItsBufferAndSkipsBlankOnes()
    {
        var longLine = "{\"note\":\"" + new string('x', 200_000) + "\"}";
        var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("{\"a\":1}\r\n\n" + longLine + "\n{\"b\":2}"));

        var lines = new List<byte[]>();
        await foreach (var line in NdjsonReplayer.ReadLinesAsync(input, CancellationToken.None))
        {
            lines.Add(line);
        }

        Assert.Equal(["{\"a\":1}", longLine, "{\"b\":2}"], lines.Select(l => System.Text.Encoding.UTF8.GetString(l)));
    }

    private static SimulatorOptions Offline(int seed, int events)
    {
        var options = TestTraffic.Options(seed);
        options.Start = TestTraffic.Start;
        options.MaxEvents = events;
        return options;
    }

    private static async Task<byte[]> RecordAsync(int seed, int events)
    {
        var file = new MemoryStream();
        await using (var recorder = new NdjsonRecorder(file))
        {
            await SimulatorRunner.RunAsync(Offline(seed, events), recorder, new VirtualTimeProvider(ReplayClock), CancellationToken.None);
        }

        return file.ToArray();
    }
}
