namespace Vigil.Benchmarks.Infrastructure;

/// <summary>
/// The Linux kernel's DAMON memory monitor (<c>kdamond</c> threads, configured under
/// <c>/sys/kernel/mm/damon/admin/kdamonds</c>), which this project's virtual machines run for proactive reclaim.
/// </summary>
/// <remarks>
/// Under the latency benchmark's load, <c>perf sched timehist</c> found kdamond holding a core for 12-25 ms at a time
/// (its access checks walk the reverse map of sampled pages and clear their accessed bits, and the kernel is built
/// without preemption), and it was the largest single cause of the silo's threads waiting to run. A 1 ms sleeper at
/// nice -20 in another process saw the same stalls. <c>--pause-damon</c> turns the monitors off for the run and
/// back on afterwards (also on Ctrl+C or a failure), so the benchmark can show the tail with and without them.
/// </remarks>
internal sealed class KernelMemoryMonitor : IDisposable
{
    private const string Root = "/sys/kernel/mm/damon/admin/kdamonds";

    private readonly List<string> _paused = [];

    private KernelMemoryMonitor()
    {
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        Console.CancelKeyPress += OnCancel;
    }

    /// <summary>The state files of the monitors that are running now.</summary>
    public static IReadOnlyList<string> Running()
    {
        try
        {
            return Directory.Exists(Root)
                ? Directory.EnumerateDirectories(Root)
                    .Select(d => Path.Combine(d, "state"))
                    .Where(f => File.Exists(f) && File.ReadAllText(f).Trim() == "on")
                    .ToList()
                : [];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>One line for the report's header: whether the monitor runs on this machine.</summary>
    public static string Describe() => Running().Count switch
    {
        0 => "no DAMON memory monitor running",
        var n => $"{n} DAMON memory monitor(s) running (kdamond)",
    };

    /// <summary>Turns every running monitor off until <see cref="Dispose"/>; says what it did, or why not.</summary>
    public static KernelMemoryMonitor Pause(out string outcome)
    {
        var monitor = new KernelMemoryMonitor();
        foreach (var state in Running())
        {
            try
            {
                File.WriteAllText(state, "off");
                monitor._paused.Add(state);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                monitor.Resume();
                outcome = $"DAMON could not be paused ({exception.Message}; it needs root): the run measures with it on";
                return monitor;
            }
        }

        outcome = monitor._paused.Count == 0
            ? "no DAMON memory monitor was running, nothing to pause"
            : $"DAMON memory monitor paused for the run ({monitor._paused.Count} kdamond), turned back on at the end";
        return monitor;
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        Console.CancelKeyPress -= OnCancel;
        Resume();
    }

    private void OnExit(object? sender, EventArgs e) => Resume();

    private void OnCancel(object? sender, ConsoleCancelEventArgs e) => Resume();

    private void Resume()
    {
        lock (_paused)
        {
            foreach (var state in _paused)
            {
                try
                {
                    File.WriteAllText(state, "on");
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    BenchmarkReport.Log($"could not turn DAMON back on ({state}: {exception.Message}); run: echo on > {state}");
                }
            }

            _paused.Clear();
        }
    }
}
