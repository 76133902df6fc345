using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace Vigil.Benchmarks.Infrastructure;

/// <summary>The results of one run, rendered as the Markdown that goes into the README.</summary>
internal sealed class BenchmarkReport(BenchmarkOptions options, AllocationSampler? allocations)
{
    private readonly string _environment = DescribeEnvironment(options);
    private readonly List<ResultRow> _rows = [];
    private readonly List<AllocationRow> _allocations = [];
    private readonly List<string> _notes = [];

    /// <summary>The allocation listener when <c>--allocations</c> is on.</summary>
    public AllocationSampler? Allocations { get; } = allocations;

    public IReadOnlyList<ResultRow> Rows => _rows;

    public IReadOnlyList<string> Notes => _notes;

    public void Add(ResultRow row) => _rows.Add(row);

    public void Add(AllocationRow row) => _allocations.Add(row);

    public void AddNote(string note) => _notes.Add(note);

    /// <summary>Writes a progress line to the console (not to the report).</summary>
    public static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    public static string DescribeEnvironment(BenchmarkOptions options)
    {
        var gc = GCSettings.IsServerGC ? "server GC" : "workstation GC";
        // Batch is the latency mode of a GC without background collections.
        var concurrent = GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent" : "concurrent";
        var mode = options.Quick ? "quick run" : "full run";
        return $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription} {RuntimeInformation.ProcessArchitecture}, "
            + $"{Environment.ProcessorCount} processors, {gc} ({concurrent}), {mode}: "
            + $"warm-up {options.WarmUp.TotalSeconds:0.#} s, windows of {options.Window.TotalSeconds:0.#} s, median of {options.Repeats}, "
            + KernelMemoryMonitor.Describe()
            + LoadAverage();
    }

    /// <summary>
    /// The 1-minute load average where the OS reports one: other processes on a 2-core machine move every figure, so
    /// the report says how busy the machine was.
    /// </summary>
    private static string LoadAverage()
    {
        const string LoadFile = "/proc/loadavg";
        return File.Exists(LoadFile) ? ", load average " + File.ReadAllText(LoadFile).Split(' ')[0] : string.Empty;
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("## Vigil runtime benchmarks").AppendLine();
        var loadAtEnd = LoadAverage();
        var load = loadAtEnd.Length > 0 ? $" at the start,{loadAtEnd[1..]} at the end" : string.Empty;
        text.AppendLine(_environment + load + $", {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.").AppendLine();
        text.AppendLine("| Figure | Value | Unit | Baseline | Ratio | Target | Met? |");
        text.AppendLine("| --- | ---: | --- | ---: | ---: | --- | --- |");
        foreach (var row in _rows)
        {
            var met = row.Problem is not null ? "**no**: " + row.Problem
                : row.Target is null ? "-"
                : row.Target.IsMetBy(row.Value) ? "yes" : "**no**";
            text.AppendLine($"| {row.Figure} | {Format.Number(row.Value)} | {row.Unit} | {Format.Number(row.Baseline)} | {Format.Ratio(row.Ratio)} | {row.Target?.ToString() ?? "-"} | {met} |");
        }

        if (_allocations.Count > 0)
        {
            text.AppendLine().AppendLine("Allocations during the timed windows (all threads), and collections gen0/gen1/gen2 over all windows:").AppendLine();
            text.AppendLine("| Figure | Runtime | Baseline | Unit | Runtime GCs | Baseline GCs |");
            text.AppendLine("| --- | ---: | ---: | --- | --- | --- |");
            foreach (var row in _allocations)
            {
                text.AppendLine($"| {row.Figure} | {Format.Number(row.RuntimeBytes)} | {Format.Number(row.BaselineBytes)} | {row.Unit} | {row.RuntimeCollections} | {row.BaselineCollections} |");
            }
        }

        if (_notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in _notes)
            {
                text.AppendLine("- " + note);
            }
        }

        return text.ToString();
    }
}
