using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Benchmarks.Infrastructure;
using Vigil.Grains.Contracts.Feed;
using Vigil.LoadClient;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// Event-to-alert latency under load. This process hosts the silo (same extension methods as Program.cs, real Kestrel
/// on loopback, SQLite storage, or memory with <c>--memory-storage</c>) and subscribes to its in-process
/// <see cref="ILiveFeed"/>; the load client, a separate process, first finds the maximum rate against this silo
/// (closed loop), then sends open-loop background traffic at 50% and 80% of it with a probe every 20 ms: a classifier
/// score that raises a fresh P1 alert for a new room, appended to a full background batch. Latency = the time the
/// alert reaches the feed's subscriber minus the time the client started sending the request that carried the probe,
/// both <c>Stopwatch.GetTimestamp()</c> (CLOCK_MONOTONIC on Linux, one clock for every process of the machine). It
/// includes HTTP, parsing the whole batch, de-duplication, the room grain, the alert center and the feed. With
/// <c>--latency-floor</c> the same client and probes measure <see cref="LatencyFloorHost"/> instead, at the rates of
/// <c>--latency-base</c>: what HTTP, parsing and the machine take before any of Vigil's work.
/// </summary>
internal sealed class LatencyBenchmark(BenchmarkOptions options, BenchmarkReport report)
{
    private static readonly double[] Levels = [0.5, 0.8];

    private readonly ConcurrentDictionary<string, long> _alerts = new(StringComparer.Ordinal);

    /// <summary>
    /// Requests the open-loop client may have in flight. A platform's producers are many and do not wait for each other;
    /// with the closed loop's 8 connections, a schedule of 450 requests a second needed every answer within 18 ms, and
    /// one slow answer made the client itself send late (so it measured its own connection limit, not the silo's).
    /// </summary>
    private const int OpenLoopConnections = 32;

    public async Task RunAsync()
    {
        using var stop = new CancellationTokenSource();
        IAsyncDisposable target;
        Uri baseAddress;
        Task listening;
        if (options.LatencyFloor)
        {
            var floor = await LatencyFloorHost.StartAsync(IngestBenchmark.ApiKey, roomId => _alerts.TryAdd(roomId, Stopwatch.GetTimestamp()));
            (target, baseAddress, listening) = (floor, floor.BaseAddress, Task.CompletedTask);
        }
        else
        {
            var silo = await InProcessSilo.StartAsync(IngestBenchmark.ApiKey, options.Storage);
            (target, baseAddress, listening) = (silo, silo.BaseAddress, Listen(silo.Services.GetRequiredService<ILiveFeed>(), stop.Token));
        }

        await using var disposeTarget = target;
        var subject = options.LatencyFloor ? "Floor (HTTP and System.Text.Json, no silo): " : string.Empty;
        var maximumClient = IngestBenchmark.ClientOptions(options, baseAddress, options.IngestEvents) with { Seed = 101, Start = null };
        maximumClient = maximumClient with { Skip = options.Quick ? 0 : OpeningEvents(maximumClient) };
        double maximum;
        if (options.LatencyFloor)
        {
            // The floor host outruns the load client, whose closed loop would measure itself: it takes the silo's rates.
            maximum = options.LatencyBase!.Value;
            BenchmarkReport.Log($"latency: the floor host, at fractions of {Format.Number(maximum)} events/s (--latency-base)");
        }
        else
        {
            BenchmarkReport.Log("latency: the maximum rate of the in-process silo, closed loop");
            var cpuBefore = ProcessCpu.Seconds(Environment.ProcessId);
            var maximumRun = await RunClientAsync(maximumClient);
            maximum = options.LatencyBase ?? maximumRun.MedianRate;
            var perCpuSecond = maximumRun.Accepted / (ProcessCpu.Seconds(Environment.ProcessId) - cpuBefore);
            BenchmarkReport.Log($"  maximum {Format.Number(maximumRun.MedianRate)} events/s; {Format.Number(perCpuSecond)} events per silo CPU-second"
                + (options.LatencyBase is { } given ? $"; the load levels are fractions of {Format.Number(given)} events/s (--latency-base)" : string.Empty));
            report.Add(new ResultRow("Ingest, in-process silo (latency host), closed loop: maximum", maximumRun.MedianRate, "events/s"));
            report.Add(new ResultRow("Ingest, in-process silo (latency host): events per CPU-second of the silo", perCpuSecond, "events/cpu-s"));
        }

        var ofWhat = options.LatencyFloor ? $"{Format.Number(maximum)} events/s" : "the maximum";
        var seed = 102;
        foreach (var level in Levels)
        {
            var rate = Math.Round(maximum * level);
            var seconds = options.IngestWarmUp.TotalSeconds + options.LatencyWindow.TotalSeconds;
            var probeLog = Path.Combine(Path.GetTempPath(), $"vigil-probes-{Environment.ProcessId}-{seed}.txt");
            var client = maximumClient with
            {
                Seed = seed++,
                Events = (long)(rate * seconds * 1.2) + 1_000,
                Rate = rate,
                Window = options.LatencyWindow,
                Windows = 1,
                ProbeInterval = options.ProbeInterval,
                ProbeLog = probeLog,
                Connections = OpenLoopConnections,
            };
            BenchmarkReport.Log($"latency at {level:P0} of the maximum: {Format.Number(rate)} events/s for {options.LatencyWindow.TotalSeconds:0} s, a probe every {options.ProbeInterval.TotalMilliseconds:0} ms");
            var gcBefore = GcActivity.Now();
            var result = await RunClientAsync(client);
            var sent = File.ReadAllLines(probeLog).Select(Parse).ToArray();
            File.Delete(probeLog);
            var latencies = await CollectAsync(sent);
            if (options.TraceGc)
            {
                LogSlowProbes(sent);
            }

            var gc = GcActivity.Since(gcBefore);
            BenchmarkReport.Log("  " + gc.Describe(options.IngestWarmUp + options.LatencyWindow));
            var lost = sent.Length - latencies.Length;
            Array.Sort(latencies);
            var p50 = Percentile(latencies, 0.50);
            var p99 = Percentile(latencies, 0.99);
            string? problem = lost > 0 ? $"{lost} of {sent.Length} probes raised no alert within 10 s" : null;
            if (result.LateBatches > 0)
            {
                problem = (problem is null ? string.Empty : problem + "; ") + $"{result.LateBatches} batches of the window left over 5 ms late (max {result.MaxLagMs:0} ms): the rate asked was not all delivered";
            }

            var achieved = result.Windows.Count > 0 ? result.Windows[0].EventsPerSecond : 0;
            BenchmarkReport.Log($"  {sent.Length} probes, achieved {Format.Number(achieved)} events/s: p50 {p50:0.0} ms, p99 {p99:0.0} ms, max {(latencies.Length > 0 ? latencies[^1] : double.NaN):0.0} ms");
            report.Add(new ResultRow(subject + $"Event-to-alert p50 at {level:P0} of {ofWhat} ({Format.Number(achieved)} events/s)", p50, "ms", Problem: problem));
            report.Add(new ResultRow(subject + $"Event-to-alert p99 at {level:P0} of {ofWhat} ({Format.Number(achieved)} events/s)", p99, "ms", Target: level >= 0.8 && !options.LatencyFloor ? Target.AtMostOf(25) : null, Problem: problem));
        }

        await stop.CancelAsync();
        await listening;
        report.AddNote($"Latency: the silo runs inside a benchmark process with the silo host's GC settings ({(GCSettings.IsServerGC ? "server" : "workstation")}, {(GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent" : "concurrent")} GC), "
            + $"the load client in its own process; {options.LatencyWindow.TotalSeconds:0} s per level after a {options.IngestWarmUp.TotalSeconds:0} s warm-up, "
            + $"one probe per 20 ms riding on a background batch of 500-1,000 events, up to {OpenLoopConnections} requests in flight; latency from the client starting to send that request to the "
            + "alert reaching a feed subscriber.");
    }

    /// <summary>
    /// Events of a world's first five simulated minutes, which each level's client generates and does not send: every
    /// room of a new world goes live within its first 90 s, and the silo would spend the measured window activating
    /// them (half of them were still new 25 s into a level), which is not a platform's steady state.
    /// </summary>
    private static long OpeningEvents(LoadOptions client) =>
        (long)(client.Rooms * Vigil.Simulator.SimulatorOptions.EventsPerRoomSecond(1) * 300);

    private static async Task<LoadResult> RunClientAsync(LoadOptions client)
    {
        var (result, exitCode, output) = await LoadClientProcess.RunAsync(LoadClientProcess.Arguments(client), TimeSpan.FromMinutes(10));
        return result ?? throw new InvalidOperationException($"The load client exited with {exitCode} without a result:\n{output}");
    }

    private async Task Listen(ILiveFeed feed, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in feed.Subscribe(cancellationToken))
            {
                if (item is AlertChanged { Alert.RoomId: var roomId } && roomId.StartsWith("probe-", StringComparison.Ordinal))
                {
                    _alerts.TryAdd(roomId, Stopwatch.GetTimestamp());
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The benchmark is over.
        }
    }

    /// <summary>Latencies in ms of the probes whose alert arrived, waiting up to 10 s for stragglers.</summary>
    private async Task<double[]> CollectAsync((string RoomId, long SentAt)[] sent)
    {
        var deadline = Stopwatch.GetTimestamp() + 10 * Stopwatch.Frequency;
        while (sent.Any(p => !_alerts.ContainsKey(p.RoomId)) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50);
        }

        return sent
            .Where(p => _alerts.ContainsKey(p.RoomId))
            .Select(p => Stopwatch.GetElapsedTime(p.SentAt, _alerts[p.RoomId]).TotalMilliseconds)
            .ToArray();
    }

    /// <summary>With <c>--gc-trace</c>: when each of the slowest probes was sent (wall clock), to line them up with the pauses.</summary>
    private void LogSlowProbes((string RoomId, long SentAt)[] sent)
    {
        var wallOffset = DateTime.UtcNow - Stopwatch.GetElapsedTime(0, Stopwatch.GetTimestamp());
        var slowest = sent
            .Where(p => _alerts.ContainsKey(p.RoomId))
            .Select(p => (p.SentAt, Ms: Stopwatch.GetElapsedTime(p.SentAt, _alerts[p.RoomId]).TotalMilliseconds))
            .OrderByDescending(p => p.Ms)
            .Take(Math.Max(3, sent.Length / 50))
            .OrderBy(p => p.SentAt);
        BenchmarkReport.Log("  slowest 2 % of probes (sent at, latency): " + string.Join(", ", slowest.Select(p =>
            $"{(wallOffset + Stopwatch.GetElapsedTime(0, p.SentAt)).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {p.Ms:0} ms")));
    }

    private static (string RoomId, long SentAt) Parse(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return (line[..space], long.Parse(line[(space + 1)..], CultureInfo.InvariantCulture));
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
}
