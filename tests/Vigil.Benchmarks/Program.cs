using Vigil.Benchmarks.Calls;
using Vigil.Benchmarks.Flush;
using Vigil.Benchmarks.Infrastructure;
using Vigil.Benchmarks.Memory;
using Vigil.Benchmarks.OneWay;

var options = BenchmarkOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine(error);
    return 2;
}

BenchmarkReport.Log(BenchmarkReport.DescribeEnvironment(options));
using var allocations = options.SampleAllocations ? new AllocationSampler() : null;
var report = new BenchmarkReport(options, allocations);
if (options.Runs("calls"))
{
    await new CallBenchmark(options, report).RunAsync();
}

if (options.Runs("oneway"))
{
    await new OneWayBenchmark(options, report).RunAsync();
}

if (options.Runs("memory"))
{
    await new ActivationMemoryBenchmark(options, report).RunAsync();
}

if (options.Runs("flush"))
{
    await new SqliteFlushBenchmark(options, report).RunAsync();
}

var markdown = report.ToMarkdown();
Console.WriteLine();
Console.WriteLine(markdown);
Directory.CreateDirectory("artifacts");
await File.WriteAllTextAsync(Path.Combine("artifacts", "benchmarks.md"), markdown);
BenchmarkReport.Log("written to " + Path.GetFullPath(Path.Combine("artifacts", "benchmarks.md")));
return 0;
