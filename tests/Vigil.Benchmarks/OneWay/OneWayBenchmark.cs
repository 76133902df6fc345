using Vigil.Benchmarks.Grains;
using Vigil.Benchmarks.Infrastructure;

namespace Vigil.Benchmarks.OneWay;

/// <summary>
/// One-way messages per second: producer threads send a fixed number of [OneWay] calls, spread evenly over the
/// receivers, and the clock stops when every receiver has counted its share. Producers are dedicated threads so that
/// the thread pool is left to the receivers, and they pause while too many messages are queued: without that
/// back-pressure the queues (and the garbage collector) would grow with the message count, and the figure would
/// measure memory bandwidth instead of delivery.
/// </summary>
internal sealed class OneWayBenchmark(BenchmarkOptions options, BenchmarkReport report)
{
    // Queued-but-uncounted messages per receiver before producers pause; well above HitTally.ReportEvery, whose
    // unreported remainder the producers also see as queued.
    private const int InFlightPerReceiver = 256;

    private readonly int _producers = Environment.ProcessorCount;
    private long _sent;
    private volatile bool _abandoned;

    public async Task RunAsync()
    {
        var receivers = options.OneWayReceivers;
        var perReceiver = options.OneWayMessagesPerRound / receivers;
        var scenario = $"{_producers} producers to {receivers:N0} grains";

        BenchmarkReport.Log($"one-way, {scenario}: runtime");
        Measurement measured;
        await using (var silo = await BenchmarkSilo.StartWithMemoryStorageAsync())
        {
            var grains = new IHitCounterGrain[receivers];
            for (var i = 0; i < receivers; i++)
            {
                grains[i] = silo.Runtime.GetGrain<IHitCounterGrain>("hits-" + i);
            }

            measured = await MeasureRoundsAsync(receivers, perReceiver, (receiver, value) => grains[receiver].Hit(value));
        }

        BenchmarkReport.Log($"  {measured.DescribeRates()} msgs/s, {Format.Number(measured.MedianAllocatedBytesPerOperation)} B/msg");
        BenchmarkReport.Log($"one-way, {scenario}: channel baseline");
        var targets = new ChannelHitTarget[receivers];
        for (var i = 0; i < receivers; i++)
        {
            targets[i] = new ChannelHitTarget();
            targets[i].Start();
        }

        var baseline = await MeasureRoundsAsync(receivers, perReceiver, (receiver, value) => targets[receiver].Hit(value));
        await Task.WhenAll(targets.Select(t => t.StopAsync()));
        BenchmarkReport.Log($"  {baseline.DescribeRates()} msgs/s, {Format.Number(baseline.MedianAllocatedBytesPerOperation)} B/msg");

        report.Add(new ResultRow($"One-way, {scenario}", measured.MedianPerSecond, "msgs/s", baseline.MedianPerSecond, Target.AtLeastOf(2_000_000)));
        report.Add(new AllocationRow(
            $"One-way, {scenario}",
            "B/msg",
            measured.MedianAllocatedBytesPerOperation,
            baseline.MedianAllocatedBytesPerOperation,
            $"{measured.Gen0}/{measured.Gen1}/{measured.Gen2}",
            $"{baseline.Gen0}/{baseline.Gen1}/{baseline.Gen2}"));
    }

    /// <summary>A warm-up round (which also activates the grains), then the timed rounds.</summary>
    private async Task<Measurement> MeasureRoundsAsync(int receivers, int perReceiver, Action<int, int> send)
    {
        // Receivers count from their creation: each round raises the goal by one round's share.
        _sent = 0;
        long goal = 0;
        await RunRoundAsync(receivers, perReceiver / 4, goal += perReceiver / 4, send);
        report.Allocations?.Reset();
        var windows = new WindowResult[options.Repeats];
        for (var i = 0; i < windows.Length; i++)
        {
            windows[i] = await RunRoundAsync(receivers, perReceiver, goal += perReceiver, send);
        }

        if (report.Allocations is { } allocations)
        {
            BenchmarkReport.Log("  allocated: " + allocations.DescribeTop(5));
        }

        return new Measurement(windows);
    }

    private async Task<WindowResult> RunRoundAsync(int receivers, int perReceiver, long goal, Action<int, int> send)
    {
        var allCounted = HitTally.StartRound(receivers, goal);
        var window = (long)receivers * InFlightPerReceiver;
        var processedAtStart = HitTally.Processed;
        var sentAtStart = Volatile.Read(ref _sent);
        var start = RunSnapshot.Take(0);
        var threads = new Thread[_producers];
        for (var p = 0; p < threads.Length; p++)
        {
            var producer = p;
            threads[p] = new Thread(() => Produce(producer, receivers, perReceiver, window, processedAtStart - sentAtStart, send))
            {
                IsBackground = true,
                Name = "producer " + p,
            };
            threads[p].Start();
        }

        try
        {
            await allCounted.WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            // Release the producers, which may be waiting for a backlog that never drains.
            _abandoned = true;
            throw new TimeoutException($"Waited 2 minutes for {receivers:N0} receivers to each count {goal:N0} hits; {HitTally.Processed:N0} hits were reported in all. Messages were lost or delivery stalled.");
        }

        var end = RunSnapshot.Take((long)receivers * perReceiver);
        foreach (var thread in threads)
        {
            thread.Join();
        }

        return end.Since(start);
    }

    /// <summary>Sends <paramref name="perReceiver"/> messages to each receiver this producer owns, sweep by sweep.</summary>
    private void Produce(int producer, int receivers, int perReceiver, long window, long backlogOffset, Action<int, int> send)
    {
        var spinner = default(SpinWait);
        for (var round = 0; round < perReceiver && !_abandoned; round++)
        {
            var sweep = 0;
            for (var receiver = producer; receiver < receivers; receiver += _producers)
            {
                send(receiver, round);
                sweep++;
            }

            // One shared write per sweep (hundreds of messages), not per message.
            var sent = Interlocked.Add(ref _sent, sweep);
            while (sent - HitTally.Processed + backlogOffset > window && !_abandoned)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
                sent = Volatile.Read(ref _sent);
            }

            spinner.Reset();
        }
    }
}
