using Vigil.Benchmarks.Grains;
using Vigil.Benchmarks.Infrastructure;
using Vigil.Runtime;

namespace Vigil.Benchmarks.Calls;

/// <summary>
/// Request/response calls per second: closed-loop callers, each an async loop awaiting one call at a time, against
/// the runtime and against a bare channel round trip with the same callers and targets.
/// </summary>
internal sealed class CallBenchmark(BenchmarkOptions options, BenchmarkReport report)
{
    public async Task RunAsync()
    {
        var callers = options.ConcurrentCallers;
        await using var silo = await BenchmarkSilo.StartWithMemoryStorageAsync();
        await MeasureAsync(silo.Runtime, "1 caller", callers: 1, targets: 1, target: null);
        await MeasureAsync(silo.Runtime, $"{callers:N0} callers on {callers:N0} grains", callers, targets: callers, Target.AtLeastOf(500_000));
        await MeasureAsync(silo.Runtime, $"{callers:N0} callers on 1 grain", callers, targets: 1, target: null);
    }

    private async Task MeasureAsync(GrainRuntime runtime, string scenario, int callers, int targets, Target? target)
    {
        BenchmarkReport.Log($"calls, {scenario}: runtime");
        var measured = await MeasureRuntimeAsync(runtime, scenario, callers, targets);
        BenchmarkReport.Log($"  {measured.DescribeRates()} calls/s, {Format.Number(measured.MedianAllocatedBytesPerOperation)} B/call");
        BenchmarkReport.Log($"calls, {scenario}: channel baseline");
        var baseline = await MeasureChannelsAsync(callers, targets);
        BenchmarkReport.Log($"  {baseline.DescribeRates()} calls/s, {Format.Number(baseline.MedianAllocatedBytesPerOperation)} B/call");

        report.Add(new ResultRow($"Request/response, {scenario}", measured.MedianPerSecond, "calls/s", baseline.MedianPerSecond, target, measured.Problem ?? baseline.Problem));
        report.Add(new AllocationRow(
            $"Request/response, {scenario}",
            "B/call",
            measured.MedianAllocatedBytesPerOperation,
            baseline.MedianAllocatedBytesPerOperation,
            $"{measured.Gen0}/{measured.Gen1}/{measured.Gen2}",
            $"{baseline.Gen0}/{baseline.Gen1}/{baseline.Gen2}"));
    }

    private async Task<Measurement> MeasureRuntimeAsync(GrainRuntime runtime, string scenario, int callers, int targets)
    {
        // A reference per caller, as each caller would hold its own; callers share a grain when targets < callers.
        var prefix = "ping-" + scenario.Replace(' ', '-');
        var grains = new IPingGrain[callers];
        for (var i = 0; i < callers; i++)
        {
            grains[i] = runtime.GetGrain<IPingGrain>(prefix + "-" + (i % targets));
        }

        var counters = new OperationCounters(callers);
        var loops = new Task[callers];
        for (var i = 0; i < callers; i++)
        {
            loops[i] = CallGrainAsync(grains[i], counters, i);
        }

        var measurement = await ClosedLoopSampler.MeasureAsync(counters, options, report.Allocations);
        counters.Stop();

        // A failed call (a timeout, say) ends its caller's loop: report it on the figure rather than abort the run.
        await Task.WhenAll(loops).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var failed = loops.Where(l => l.IsFaulted).ToArray();
        if (failed.Length > 0)
        {
            var first = failed[0].Exception!.InnerException!;
            var problem = $"{failed.Length:N0} of {callers:N0} callers failed, the first with {first.GetType().Name}: {first.Message}";
            BenchmarkReport.Log("  error: " + problem);
            measurement = measurement.WithProblem(problem);
        }

        return measurement;
    }

    private async Task<Measurement> MeasureChannelsAsync(int callers, int targets)
    {
        var channels = new ChannelPingTarget[targets];
        for (var i = 0; i < targets; i++)
        {
            channels[i] = new ChannelPingTarget();
            channels[i].Start();
        }

        var counters = new OperationCounters(callers);
        var loops = new Task[callers];
        for (var i = 0; i < callers; i++)
        {
            loops[i] = CallChannelAsync(channels[i % targets], new PingReply(), counters, i);
        }

        var measurement = await ClosedLoopSampler.MeasureAsync(counters, options, report.Allocations);
        counters.Stop();
        await Task.WhenAll(loops);
        await Task.WhenAll(channels.Select(c => c.StopAsync()));
        return measurement;
    }

    // The loops allocate their state machine once, at the first await that does not complete synchronously, and
    // nothing per call: whatever the windows count as allocated per call belongs to the path being measured.
    private static async Task CallGrainAsync(IPingGrain grain, OperationCounters counters, int caller)
    {
        var value = 0;
        while (!counters.IsStopping)
        {
            value = await grain.Ping(value);
            counters.Increment(caller);
        }
    }

    private static async Task CallChannelAsync(ChannelPingTarget target, PingReply reply, OperationCounters counters, int caller)
    {
        var value = 0;
        while (!counters.IsStopping)
        {
            value = await target.Ping(reply, value);
            counters.Increment(caller);
        }
    }
}
