using System.Diagnostics;
using System.Text.Json;
using Vigil.LoadClient;

// A producer in its own process: generate realistic traffic into memory first, then send it to POST /api/events.
var options = LoadOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine(error);
    return 2;
}

var clock = Stopwatch.StartNew();
var pool = TrafficPool.Generate(options, DateTimeOffset.UtcNow);
Console.WriteLine($"generated {pool.Events:N0} events in {pool.Batches.Length:N0} batches ({pool.Bytes / (double)pool.Events:0} bytes/event) in {clock.Elapsed.TotalSeconds:0.0} s; sending");

LoadResult result;
using (var runner = new LoadRunner(options, pool))
{
    result = await runner.RunAsync();
}

foreach (var window in result.Windows)
{
    Console.WriteLine($"  {window.EventsPerSecond:N0} events/s accepted ({window.Accepted:N0} in {window.Seconds:0.00} s, {window.Requests:N0} requests)");
}

Console.WriteLine($"median {result.MedianRate:N0} events/s; {result.Accepted:N0} accepted, {result.Duplicates:N0} duplicates, {result.Rejected:N0} rejected, {result.Errors:N0} errors"
    + (result.Exhausted ? "; ran out of generated events" : string.Empty) + (result.FirstError is { } first ? "; first problem: " + first : string.Empty));
Console.WriteLine(LoadResult.Marker + JsonSerializer.Serialize(result, LoadJsonContext.Default.LoadResult));
return result.Errors > 0 || result.Rejected > 0 ? 1 : 0;
