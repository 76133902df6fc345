using Vigil.Benchmarks.Infrastructure;
using Vigil.LoadClient;
using Vigil.Testing.Silo;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// End-to-end ingest: the real silo (its Release build, a child process: Kestrel on 127.0.0.1, simulator off, a
/// producer key, SQLite storage as in production) and the load client (another child process) sending realistic
/// NDJSON batches of 500-1,000 events over several connections. The figure is the events the silo accepted per second,
/// median of the client's windows. Baseline: the same bodies read by System.Text.Json alone (<see cref="JsonBaseline"/>).
/// Silo and client share the machine's cores, so the figure is what the silo does with what the client leaves it.
/// </summary>
internal sealed class IngestBenchmark(BenchmarkOptions options, BenchmarkReport report)
{
    public const string ApiKey = "bench-producer-key-0123456789";

    /// <summary>A fixed simulated start, so the client's traffic and this process's copy are the same bytes.</summary>
    public static readonly DateTimeOffset TrafficStart = DateTimeOffset.UtcNow.AddHours(-6);

    /// <summary>The measured maximum, for the latency benchmark's load levels when both run.</summary>
    public double? MeasuredMaximum { get; private set; }

    public static LoadOptions ClientOptions(BenchmarkOptions options, Uri url, long events) => new()
    {
        Url = url,
        ApiKey = ApiKey,
        Events = events,
        MinBatch = 500,
        MaxBatch = 1_000,
        Connections = options.IngestConnections,
        Seed = 42,
        Rooms = 20_000,
        Vips = 5_000,
        Start = TrafficStart,
        WarmUp = options.IngestWarmUp,
        Window = options.Window,
        Windows = options.Repeats,
    };

    public async Task RunAsync()
    {
        using var data = new TemporaryFolder();
        var environment = new Dictionary<string, string>
        {
            ["Vigil__Ingest__ApiKeys__0"] = ApiKey,
            ["Vigil__Storage"] = options.Storage,
        };
        BenchmarkReport.Log($"ingest: starting the silo (Release build, {options.Storage} storage) and the load client, {options.IngestEvents:N0} events");
        await using var silo = SiloProcess.Start(data.Path, environment);
        await silo.WaitUntilListening();
        var client = ClientOptions(options, silo.BaseAddress, options.IngestEvents);
        var siloPid = ProcessCpu.FindChild("Vigil.Silo.dll");
        var cpuBefore = siloPid is { } pid ? ProcessCpu.Seconds(pid) : double.NaN;
        var (result, exitCode, output) = await LoadClientProcess.RunAsync(LoadClientProcess.Arguments(client), TimeSpan.FromMinutes(10));
        var siloCpu = siloPid is { } after ? ProcessCpu.Seconds(after) - cpuBefore : double.NaN;
        if (result is null)
        {
            throw new InvalidOperationException($"The load client exited with {exitCode} without a result:\n{output}\nSilo output:\n{silo.Output}");
        }

        BenchmarkReport.Log("ingest, baseline: the first 1,000,000 events' bodies through System.Text.Json alone");
        var baselineOptions = client with { Events = Math.Min(client.Events, 1_000_000) };
        var pool = TrafficPool.Generate(baselineOptions, DateTimeOffset.UtcNow);
        var baseline = JsonBaseline.Measure(pool.Batches, pool.Counts, options);

        string? problem = null;
        if (result.Errors > 0 || result.Rejected > 0 || exitCode != 0)
        {
            problem = $"{result.Errors} failed requests, {result.Rejected} rejected events (first: {result.FirstError})";
        }
        else if (result.Exhausted)
        {
            problem = "the client ran out of generated events before its last window";
        }

        MeasuredMaximum = result.MedianRate;
        var rates = string.Join(" / ", result.Windows.Select(w => Format.Number(w.EventsPerSecond)));
        BenchmarkReport.Log($"  end to end: {rates} events/s; baseline {Format.Number(baseline.MedianPerSecond)} events/s");
        report.Add(new ResultRow(
            $"Ingest end to end, load client process -> silo process, batches of 500-1,000 ({options.Storage})",
            result.MedianRate,
            "events/s",
            baseline.MedianPerSecond,
            Target.AtLeastOf(250_000),
            problem));
        // The silo's CPU over the whole client run (it idles while the client generates): the cost of an event that
        // does not depend on how much of the machine other processes took.
        var perCpuSecond = result.Accepted / siloCpu;
        BenchmarkReport.Log($"  silo CPU {siloCpu:0.0} s for {result.Accepted:N0} events: {Format.Number(perCpuSecond)} events per silo CPU-second");
        report.Add(new ResultRow("Ingest end to end, events per CPU-second of the silo process", perCpuSecond, "events/cpu-s"));
        report.AddNote($"Ingest: {result.Accepted:N0} events accepted in {result.Requests:N0} requests over {options.IngestConnections} connections, "
            + $"{result.Duplicates:N0} duplicates, {result.Rejected:N0} rejected, {result.Errors:N0} failed requests; windows {rates} events/s. "
            + "Silo and load client are separate processes on the same cores. Baseline: the same NDJSON bodies read token by token by "
            + $"`Utf8JsonReader` (every string materialized) on {Environment.ProcessorCount} threads, nothing else.");
    }
}
