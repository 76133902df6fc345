using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Benchmarks.Infrastructure;
using Vigil.Grains.Contracts.Events;
using Vigil.Ingest;
using Vigil.Ingest.Deduplication;
using Vigil.Ingest.Delivery;
using Vigil.Ingest.Parsing;
using Vigil.LoadClient;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// Diagnostic (<c>ingest-profile</c>, not in <c>all</c>): the ingest pipeline of an in-process silo without HTTP, in
/// Stopwatch sections (parse, de-duplicate, deliver to grains) with bytes allocated per event and grain calls per type,
/// to find what limits end-to-end throughput.
/// </summary>
internal sealed class IngestProfile(BenchmarkOptions options, AllocationSampler? allocations)
{
    public async Task RunAsync()
    {
        var pool = TrafficPool.Generate(IngestBenchmark.ClientOptions(options, new Uri("http://127.0.0.1"), options.Quick ? 200_000 : 1_000_000), IngestBenchmark.TrafficStart);
        await using var silo = await InProcessSilo.StartAsync(IngestBenchmark.ApiKey, options.Storage);
        var deduplicator = silo.Services.GetRequiredService<EventDeduplicator>();
        var sink = silo.Services.GetRequiredService<IEventSink>();
        using var tally = new GrainCallTally();
        long parseTicks = 0, dedupTicks = 0, deliverTicks = 0, events = 0, parseBytes = 0;
        allocations?.Reset();
        var cpuBefore = ProcessCpu.Seconds(Environment.ProcessId);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        var now = DateTimeOffset.UtcNow;
        foreach (var body in pool.Batches)
        {
            var t0 = Stopwatch.GetTimestamp();
            var threadBytes = GC.GetAllocatedBytesForCurrentThread();
            var batch = EventBatchParser.Parse(body, ContentKind.NdJson, now);
            parseBytes += GC.GetAllocatedBytesForCurrentThread() - threadBytes;
            var t1 = Stopwatch.GetTimestamp();
            var admitted = deduplicator.Admit(batch.Events);
            var t2 = Stopwatch.GetTimestamp();
            inFlight.Add(Deliver(sink, admitted.Fresh));
            parseTicks += t1 - t0;
            dedupTicks += t2 - t1;
            events += admitted.Fresh.Count;
            if (inFlight.Count >= options.IngestConnections)
            {
                var t3 = Stopwatch.GetTimestamp();
                await Task.WhenAny(inFlight);
                inFlight.RemoveAll(t => t.IsCompleted);
                deliverTicks += Stopwatch.GetTimestamp() - t3;
            }
        }

        await Task.WhenAll(inFlight);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = ProcessCpu.Seconds(Environment.ProcessId) - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        BenchmarkReport.Log($"ingest-profile ({options.Storage}): {events:N0} events in {seconds:0.00} s = {events / seconds:N0} events/s; "
            + $"parse {Ms(parseTicks)} ms ({events / (parseTicks / (double)Stopwatch.Frequency):N0} events/s, {parseBytes / (double)events:0} B/event), "
            + $"dedup {Ms(dedupTicks)} ms, waiting for grains {Ms(deliverTicks)} ms; {allocated / (double)events:0} B allocated per event in all; "
            + $"{cpu:0.0} CPU-s = {events / cpu:N0} events per CPU-second");
        BenchmarkReport.Log("  grain calls: " + tally.Describe());
        if (allocations is not null)
        {
            BenchmarkReport.Log("  allocated types (sampled): " + allocations.DescribeTop(15));
        }
    }

    private static async Task Deliver(IEventSink sink, IReadOnlyList<LiveEvent> events) => await Task.Run(() => sink.DeliverAsync(events, CancellationToken.None));

    private static string Ms(long ticks) => (ticks * 1000.0 / Stopwatch.Frequency).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
