using System.Diagnostics;
using System.Text.Json;
using Vigil.Benchmarks.Grains;
using Vigil.Benchmarks.Infrastructure;
using Vigil.Runtime;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;
using Vigil.Runtime.Sqlite;

namespace Vigil.Benchmarks.Flush;

/// <summary>
/// Write-behind throughput to SQLite: many activations each mark their small state dirty, then one timed
/// <see cref="GrainRuntime.FlushAsync"/> snapshots, serializes and writes them all. The baseline writes the same number
/// of rows, serialized the same way, straight through <see cref="SqliteGrainStorage.WriteBatchAsync"/> in batches of
/// the runtime's default batch size, so the ratio is what the runtime's orchestration costs on top of storage.
/// Both sides do one untimed flush first, so every timed write updates an existing row.
/// </summary>
internal sealed class SqliteFlushBenchmark(BenchmarkOptions options, BenchmarkReport report)
{
    private const int BatchSize = 4096;
    private const string StateName = "small";

    public async Task RunAsync()
    {
        var count = options.FlushedStates;
        var directory = Directory.CreateTempSubdirectory("vigil-bench-");
        try
        {
            var measured = await MeasureRuntimeAsync(Path.Combine(directory.FullName, "runtime.db"), count);
            var baseline = await MeasureStorageAsync(Path.Combine(directory.FullName, "baseline.db"), count);
            report.Add(new ResultRow($"SQLite write-behind flush, {count:N0} dirty states (WAL)", measured.MedianPerSecond, "states/s", baseline.MedianPerSecond, Target.AtLeastOf(50_000)));
            report.Add(new AllocationRow(
                $"SQLite write-behind flush, {count:N0} dirty states",
                "B/state",
                measured.MedianAllocatedBytesPerOperation,
                baseline.MedianAllocatedBytesPerOperation,
                $"{measured.Gen0}/{measured.Gen1}/{measured.Gen2}",
                $"{baseline.Gen0}/{baseline.Gen1}/{baseline.Gen2}"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private async Task<Measurement> MeasureRuntimeAsync(string filePath, int count)
    {
        BenchmarkReport.Log($"flush, runtime: activating {count:N0} grains on SQLite");
        await using var silo = await BenchmarkSilo.StartWithSqliteStorageAsync(filePath);
        var grains = new ISmallStateGrain[count];
        for (var i = 0; i < count; i++)
        {
            grains[i] = silo.Runtime.GetGrain<ISmallStateGrain>("flush-" + i);
        }

        var clock = Stopwatch.StartNew();
        await CallAllAsync(grains, static g => g.Wake());
        BenchmarkReport.Log($"  activated in {clock.Elapsed.TotalSeconds:0.0} s");

        var windows = new WindowResult[options.Repeats];
        for (var round = -1; round < windows.Length; round++)
        {
            await CallAllAsync(grains, static g => g.Touch());
            var start = RunSnapshot.Take(0);
            await silo.Runtime.FlushAsync();
            var end = RunSnapshot.Take(count);
            if (silo.Runtime.Metrics.DirtyActivations != 0 || silo.Runtime.Metrics.PendingWrites != 0)
            {
                throw new InvalidOperationException($"The flush left {silo.Runtime.Metrics.DirtyActivations} activations dirty and {silo.Runtime.Metrics.PendingWrites} writes pending.");
            }

            if (round >= 0)
            {
                windows[round] = end.Since(start);
                BenchmarkReport.Log($"  flush {round + 1}: {Format.Number(windows[round].PerSecond)} states/s");
            }
        }

        return new Measurement(windows);
    }

    private async Task<Measurement> MeasureStorageAsync(string filePath, int count)
    {
        BenchmarkReport.Log($"flush, baseline: {count:N0} rows through SqliteGrainStorage.WriteBatchAsync");
        await using var storage = new SqliteGrainStorage(new SqliteGrainStorageOptions { FilePath = filePath });
        var ids = new GrainId[count];
        var etags = new string?[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = new GrainId("smallstate", "flush-" + i);
        }

        var windows = new WindowResult[options.Repeats];
        var writes = new List<StateWrite>(BatchSize);
        for (var round = -1; round < windows.Length; round++)
        {
            var state = new SmallState();
            var start = RunSnapshot.Take(0);
            for (var first = 0; first < count; first += BatchSize)
            {
                writes.Clear();
                var size = Math.Min(BatchSize, count - first);
                for (var i = first; i < first + size; i++)
                {
                    state.Value = round + 2;
                    writes.Add(new StateWrite(ids[i], StateName, JsonSerializer.SerializeToUtf8Bytes(state), etags[i]));
                }

                var results = await storage.WriteBatchAsync(writes);
                for (var i = 0; i < size; i++)
                {
                    etags[first + i] = results[i].NewEtag ?? throw new InvalidOperationException($"Baseline write of {ids[first + i]} failed: {results[i].Error?.Message}");
                }
            }

            var end = RunSnapshot.Take(count);
            if (round >= 0)
            {
                windows[round] = end.Since(start);
                BenchmarkReport.Log($"  batch {round + 1}: {Format.Number(windows[round].PerSecond)} rows/s");
            }
        }

        return new Measurement(windows);
    }

    private static async Task CallAllAsync(ISmallStateGrain[] grains, Func<ISmallStateGrain, ValueTask> call)
    {
        const int InFlight = 10_000;
        var pending = new ValueTask[InFlight];
        for (var start = 0; start < grains.Length; start += InFlight)
        {
            var size = Math.Min(InFlight, grains.Length - start);
            for (var i = 0; i < size; i++)
            {
                pending[i] = call(grains[start + i]);
            }

            for (var i = 0; i < size; i++)
            {
                await pending[i];
            }
        }
    }
}
