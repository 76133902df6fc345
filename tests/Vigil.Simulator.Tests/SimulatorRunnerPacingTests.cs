using Vigil.Simulator.Tests.Support;

namespace Vigil.Simulator.Tests;

public sealed class SimulatorRunnerPacingTests
{
    [Fact]
    public async Task LiveModeStampsEventsWithTheClockAndNeverAheadOfIt()
    {
        var clock = new VirtualTimeProvider(TestTraffic.Start);
        var target = new CollectingTarget(clock);
        var options = new SimulatorOptions { Seed = 3, Rate = 2000, Duration = TimeSpan.FromSeconds(30) };

        var report = await SimulatorRunner.RunAsync(options, target, clock, CancellationToken.None);

        Assert.Equal(TestTraffic.Start, report.FirstEventTime!.Value, TimeSpan.FromSeconds(1));
        foreach (var (sentAt, batch) in target.Batches)
        {
            var stamps = batch.Lines().Select(line => WireEvent.Parse(line.ToArray()).Ts).ToList();
            Assert.True(stamps.Max() <= sentAt + TimeSpan.FromMilliseconds(20), $"A batch sent at {sentAt:O} carries ts {stamps.Max():O}.");
            Assert.True(stamps.Min() >= sentAt - TimeSpan.FromSeconds(25), $"A batch sent at {sentAt:O} carries ts {stamps.Min():O}, too late.");
        }
    }

    [Fact]
    public async Task LiveModeSizesTheWorldToAboutTheTargetRateAndNeverExceedsIt()
    {
        var clock = new VirtualTimeProvider(TestTraffic.Start);
        var target = new CollectingTarget(clock);
        var options = new SimulatorOptions { Seed = 3, Rate = 2000, Duration = TimeSpan.FromMinutes(4) };

        var report = await SimulatorRunner.RunAsync(options, target, clock, CancellationToken.None);

        // The first minute fills the rooms' audiences; after that the world should run at roughly the asked rate.
        var steady = target.Batches.Where(b => b.SentAt >= TestTraffic.Start.AddMinutes(2)).ToList();
        var rate = steady.Sum(b => b.Batch.Count) / (steady[^1].SentAt - steady[0].SentAt).TotalSeconds;
        Assert.InRange(rate, 1000, 2000 * 1.05);
        Assert.True(report.EventsPerSecond <= 2000 * 1.05, $"Ran at {report.EventsPerSecond:F0} events/s.");
    }

    [Fact]
    public async Task ARateBelowTheWorldsOutputCapsTheSendRate()
    {
        var clock = new VirtualTimeProvider(TestTraffic.Start);
        var target = new CollectingTarget(clock);
        var options = new SimulatorOptions { Seed = 3, Rate = 200, Rooms = 2000, MaxEvents = 40_000 };

        await SimulatorRunner.RunAsync(options, target, clock, CancellationToken.None);

        // Once all 2000 rooms are live (after 90 s) they produce far more than 200 events/s, and batch k leaves only
        // when the events before it have used up their share of the rate.
        var paced = target.Batches.Where(b => b.SentAt > TestTraffic.Start.AddSeconds(100)).ToList();
        var seconds = (paced[^1].SentAt - paced[0].SentAt).TotalSeconds;
        Assert.InRange(paced.SkipLast(1).Sum(b => b.Batch.Count) / seconds, 195, 200.2);
    }

    [Fact]
    public async Task CompressedTimeReplaysADayInAMinuteThenStops()
    {
        var clock = new VirtualTimeProvider(TestTraffic.Start);
        var target = new CollectingTarget(clock);
        var options = new SimulatorOptions { Seed = 3, Rate = 0, Rooms = 2, AudienceScale = 0.05, Compression = 1440, Duration = TimeSpan.FromDays(1) };

        var report = await SimulatorRunner.RunAsync(options, target, clock, CancellationToken.None);

        // Without --start the compressed day is the one that ends now.
        Assert.Equal(TestTraffic.Start.AddDays(-1), report.FirstEventTime!.Value, TimeSpan.FromSeconds(5));
        Assert.Equal(TestTraffic.Start, report.LastEventTime!.Value, TimeSpan.FromMinutes(1));
        Assert.InRange(clock.GetUtcNow() - TestTraffic.Start, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(61));
        Assert.All(target.Batches, b => Assert.True(WireEvent.Parse(b.Batch.Lines().Last().ToArray()).Ts <= b.SentAt));
    }

    [Fact]
    public async Task CompressedTimeThatCatchesUpWithTheClockContinuesLive()
    {
        var clock = new VirtualTimeProvider(TestTraffic.Start);
        var target = new CollectingTarget(clock);
        var options = new SimulatorOptions
        {
            Seed = 3, Rate = 0, Rooms = 2, AudienceScale = 0.05, Compression = 61, Start = TestTraffic.Start.AddHours(-1), Duration = TimeSpan.FromHours(2),
        };

        var report = await SimulatorRunner.RunAsync(options, target, clock, CancellationToken.None);

        // 60 simulated minutes ahead at 61x closes the gap in one wall minute; the remaining 59 simulated minutes then run live.
        Assert.InRange(clock.GetUtcNow() - TestTraffic.Start, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(60) + TimeSpan.FromSeconds(1));
        Assert.Equal(TestTraffic.Start.AddHours(1), report.LastEventTime!.Value, TimeSpan.FromMinutes(1));
        Assert.All(target.Batches, b => Assert.True(WireEvent.Parse(b.Batch.Lines().Last().ToArray()).Ts <= b.SentAt + TimeSpan.FromMilliseconds(20)));
    }

    [Fact]
    public async Task AStartInTheFutureIsRefusedInRealTime()
    {
        var clock = new VirtualTimeProvider(TestTraffic.Start);
        var options = new SimulatorOptions { Start = TestTraffic.Start.AddHours(1), Duration = TimeSpan.FromSeconds(5) };

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => SimulatorRunner.RunAsync(options, new CollectingTarget(), clock, CancellationToken.None));

        Assert.Contains("Vigil:Simulator:Start", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellingSendsTheBatchInHandAndReportsTheStop()
    {
        var clock = new VirtualTimeProvider(TestTraffic.Start);
        using var stop = new CancellationTokenSource();
        var target = new Targets.DelegateEventTarget((batch, _) =>
        {
            if (clock.GetUtcNow() >= TestTraffic.Start.AddSeconds(10))
            {
                stop.Cancel();
            }

            return ValueTask.FromResult(Targets.BatchResult.AllAccepted(batch.Count));
        });

        var report = await SimulatorRunner.RunAsync(new SimulatorOptions { Seed = 3, Rate = 2000 }, target, clock, stop.Token);

        Assert.True(report.Cancelled);
        Assert.Equal(report.EventsSent, report.Accepted);
    }
}
