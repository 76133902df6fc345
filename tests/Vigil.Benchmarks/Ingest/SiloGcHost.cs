using System.Diagnostics;
using System.Runtime;
using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Benchmarks.Infrastructure;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// Runs a benchmark that hosts the silo in this process under the silo's own GC settings. Vigil.Silo runs with server,
/// concurrent GC (the web SDK's default), while this program pins workstation, non-concurrent GC for the runtime's
/// figures; a latency tail made of collection pauses depends on that choice, so the latency benchmark runs in a child
/// of this program started with <c>DOTNET_gcServer=1</c> and <c>DOTNET_gcConcurrent=1</c>, which hands its rows back
/// through a file.
/// </summary>
internal static class SiloGcHost
{
    /// <summary>Set in the child: where to write its rows and notes.</summary>
    public const string ResultsVariable = "VIGIL_BENCHMARK_RESULTS";

    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>True when this process already has the silo's GC settings (or is the child).</summary>
    public static bool IsSiloGc => GCSettings.IsServerGC && GCSettings.LatencyMode != GCLatencyMode.Batch;

    /// <summary>Runs <paramref name="suite"/> in a child process with the silo's GC settings and adds its rows and notes to <paramref name="report"/>.</summary>
    public static async Task RunInChildAsync(string suite, BenchmarkOptions options, BenchmarkReport report)
    {
        var results = Path.Combine(Path.GetTempPath(), $"vigil-benchmark-{Environment.ProcessId}-{suite}.json");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        start.ArgumentList.Add(typeof(SiloGcHost).Assembly.Location);
        start.ArgumentList.Add(suite);
        if (options.Quick)
        {
            start.ArgumentList.Add("--quick");
        }

        if (options.TraceGc)
        {
            start.ArgumentList.Add("--gc-trace");
        }

        if (options.Storage == "Memory")
        {
            start.ArgumentList.Add("--memory-storage");
        }

        if (options.LatencyBase is { } latencyBase)
        {
            start.ArgumentList.Add(BenchmarkOptions.LatencyBasePrefix + latencyBase.ToString("0", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (options.LatencyFloor)
        {
            start.ArgumentList.Add("--latency-floor");
        }

        start.Environment["DOTNET_gcServer"] = "1";
        start.Environment["DOTNET_gcConcurrent"] = "1";
        start.Environment[ResultsVariable] = results;
        BenchmarkReport.Log($"{suite}: in a child process with the silo's GC settings (server, concurrent)");

        // This process has nothing else to do meanwhile, so a sleeper here sees waits for a core, not a collector's pauses.
        var stalls = new StallProbe();
        string? damon = null;
        var monitor = options.PauseDamon ? KernelMemoryMonitor.Pause(out damon) : null;
        if (damon is not null)
        {
            BenchmarkReport.Log($"{suite}: {damon}");
        }

        int exitCode;
        try
        {
            using var child = Process.Start(start) ?? throw new InvalidOperationException($"The {suite} benchmark's child process did not start.");
            await child.WaitForExitAsync();
            exitCode = child.ExitCode;
        }
        finally
        {
            monitor?.Dispose();
            stalls.Dispose();
        }

        var (perMinute, maxMs, count) = stalls.Summary();
        report.Add(new ResultRow(
            $"{suite}: stalls over {StallProbe.ThresholdMs:0} ms seen by a 1 ms sleeper in the idle parent process ({count} in all, longest {maxMs:0} ms)"
                + (monitor is null ? string.Empty : ", DAMON paused"),
            perMinute,
            "/min"));
        if (damon is not null)
        {
            report.AddNote($"{suite}: {damon}.");
        }

        if (!File.Exists(results))
        {
            throw new InvalidOperationException($"The {suite} benchmark's child process exited with {exitCode} and wrote no results.");
        }

        var written = JsonSerializer.Deserialize<ChildResults>(await File.ReadAllTextAsync(results), Json)!;
        File.Delete(results);
        foreach (var row in written.Rows)
        {
            report.Add(monitor is null ? row : row with { Figure = row.Figure + ", DAMON paused" });
        }

        foreach (var note in written.Notes)
        {
            report.AddNote(note);
        }
    }

    /// <summary>In the child: writes what the run measured for the parent to read.</summary>
    public static Task WriteResultsAsync(string path, BenchmarkReport report) =>
        File.WriteAllTextAsync(path, JsonSerializer.Serialize(new ChildResults(report.Rows, report.Notes), Json));

    private sealed record ChildResults(IReadOnlyList<ResultRow> Rows, IReadOnlyList<string> Notes);
}
