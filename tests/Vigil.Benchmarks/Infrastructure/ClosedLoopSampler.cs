namespace Vigil.Benchmarks.Infrastructure;

/// <summary>
/// Times closed-loop workers that are already running: a warm-up (tier-1 JIT, thread pool sized, mailboxes and
/// channel segments grown), then back-to-back windows of fixed length counted by completed operations.
/// </summary>
internal static class ClosedLoopSampler
{
    public static async Task<Measurement> MeasureAsync(OperationCounters counters, BenchmarkOptions options, AllocationSampler? allocations)
    {
        await Task.Delay(options.WarmUp);
        allocations?.Reset();
        var windows = new WindowResult[options.Repeats];
        var start = RunSnapshot.Take(counters.Total());
        for (var i = 0; i < windows.Length; i++)
        {
            await Task.Delay(options.Window);
            var end = RunSnapshot.Take(counters.Total());
            windows[i] = end.Since(start);
            start = end;
        }

        string? problem = null;
        if (counters.CountIdle() is > 0 and var idle)
        {
            problem = $"{idle:N0} of {counters.Workers:N0} callers completed no call (starved or stuck)";
            BenchmarkReport.Log("  warning: " + problem);
        }

        if (allocations is not null)
        {
            BenchmarkReport.Log("  allocated: " + allocations.DescribeTop(5));
        }

        return new Measurement(windows, problem);
    }
}
