using Vigil.Benchmarks.Calls;
using Vigil.Benchmarks.Domain;
using Vigil.Benchmarks.Flush;
using Vigil.Benchmarks.Ingest;
using Vigil.Benchmarks.Infrastructure;
using Vigil.Benchmarks.Memory;
using Vigil.Benchmarks.OneWay;
using Vigil.Runtime.Invocation;
using Vigil.Runtime.Persistence;

var options = BenchmarkOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine(error);
    return 2;
}

BenchmarkReport.Log(BenchmarkReport.DescribeEnvironment(options));
using var allocations = options.SampleAllocations ? new AllocationSampler() : null;
using var gcTrace = options.TraceGc ? new GcPauseTrace() : null;
using var poolTrace = options.TraceGc ? new PoolDelayTrace() : null;
var report = new BenchmarkReport(options, allocations);
var ingest = new IngestBenchmark(options, report);
var suites = new (string Name, Func<Task> Run)[]
{
    ("calls", () => new CallBenchmark(options, report).RunAsync()),
    ("oneway", () => new OneWayBenchmark(options, report).RunAsync()),
    ("memory", () => new ActivationMemoryBenchmark(options, report).RunAsync()),
    ("flush", () => new SqliteFlushBenchmark(options, report).RunAsync()),
    ("ingest", () => ingest.RunAsync()),
    ("latency", () => SiloGcHost.IsSiloGc ? new LatencyBenchmark(options, report).RunAsync() : SiloGcHost.RunInChildAsync("latency", options, report)),
    ("domain-memory", () => new DomainMemoryBenchmark(options, report).RunAsync()),
    ("room-snapshot", () => new RoomSnapshotBenchmark(options, report).RunAsync()),
    ("ingest-profile", () => new IngestProfile(options, allocations).RunAsync()),
};

var exitCode = 0;
foreach (var (name, run) in suites.Where(s => options.Runs(s.Name)))
{
    try
    {
        await run();
    }
    catch (Exception exception) when (exception is TimeoutException or InvalidOperationException or GrainActivationException or GrainStorageException)
    {
        // The runtime under test failed (a stall, a lost message, a failed flush): keep the other figures.
        BenchmarkReport.Log($"{name} failed: {exception}");
        report.AddNote($"**The {name} benchmark failed**: {exception.GetType().Name}: {exception.Message}");
        exitCode = 1;
    }
}

if (Environment.GetEnvironmentVariable(SiloGcHost.ResultsVariable) is { } results)
{
    // A child run for its parent: the parent writes the report.
    await SiloGcHost.WriteResultsAsync(results, report);
    return exitCode;
}

var markdown = report.ToMarkdown();
Console.WriteLine();
Console.WriteLine(markdown);
Directory.CreateDirectory("artifacts");
await File.WriteAllTextAsync(Path.Combine("artifacts", "benchmarks.md"), markdown);
BenchmarkReport.Log("written to " + Path.GetFullPath(Path.Combine("artifacts", "benchmarks.md")));
return exitCode;
