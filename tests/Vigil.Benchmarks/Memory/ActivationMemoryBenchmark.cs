using System.Collections.Concurrent;
using System.Diagnostics;
using Vigil.Benchmarks.Grains;
using Vigil.Benchmarks.Infrastructure;
using Vigil.Runtime;

namespace Vigil.Benchmarks.Memory;

/// <summary>
/// Managed bytes per idle activation: the settled heap before and after activating many grains with a small persistent
/// state (in-memory storage), divided by their number. The baseline is the least any directory of live objects
/// could cost: a bare object per key in a <see cref="ConcurrentDictionary{TKey, TValue}"/>. Keys are created before
/// the first heap reading, so neither side counts them.
/// </summary>
internal sealed class ActivationMemoryBenchmark(BenchmarkOptions options, BenchmarkReport report)
{
    // Calls in flight at once while activating: enough to keep both cores busy, few enough to keep queues short.
    private const int Batch = 10_000;

    public async Task RunAsync()
    {
        var count = options.IdleActivations;
        var userOwned = AllocatedBy(static () => (new SmallStateGrain(null!), new SmallState()));
        var bareObject = AllocatedBy(static () => new object());
        var perActivation = new double[options.Repeats];
        var allocatedPerActivation = new double[options.Repeats];
        var perEntry = new double[options.Repeats];
        string? footprint = null;
        for (var run = 0; run < options.Repeats; run++)
        {
            BenchmarkReport.Log($"memory, run {run + 1}: {count:N0} activations");
            (perActivation[run], allocatedPerActivation[run], footprint) = await MeasureRuntimeAsync(count, run);
            perEntry[run] = MeasureDictionary(count, run);
            BenchmarkReport.Log($"  {Format.Number(perActivation[run])} B/activation retained, {Format.Number(allocatedPerActivation[run])} B allocated; baseline {Format.Number(perEntry[run])} B/entry");
        }

        var total = Measurement.Median(perActivation);
        var baseline = Measurement.Median(perEntry);
        var runtimeOverhead = total - userOwned;
        report.Add(new ResultRow($"Memory per idle activation, total ({count:N0} activations)", total, "B", baseline));
        report.Add(new ResultRow("Memory per idle activation, user-owned (grain + state objects)", userOwned, "B"));
        report.Add(new ResultRow("Memory per idle activation, runtime overhead (total - user-owned)", runtimeOverhead, "B", baseline - bareObject, Target.AtMostOf(1024)));
        report.Add(new AllocationRow($"Activation of one grain ({count:N0} in batches of {Batch:N0})", "B/activation", Measurement.Median(allocatedPerActivation), double.NaN, "-", "-"));
        report.AddNote($"Baseline for memory: one `object` per key in a `ConcurrentDictionary<string, object>` (the runtime-overhead baseline leaves out the {bareObject}-byte object); key strings are excluded on both sides.");
        if (footprint is not null)
        {
            report.AddNote("Where one idle activation's bytes go (object sizes from the type layout): " + footprint + ".");
        }
    }

    private async Task<(double Retained, double Allocated, string? Footprint)> MeasureRuntimeAsync(int count, int run)
    {
        var keys = CreateKeys(count, "idle-" + run);
        var silo = await BenchmarkSilo.StartWithMemoryStorageAsync();
        string? footprint;
        double retained, allocated;
        try
        {
            // One activation first, so lazily built runtime structures are in the "before" reading.
            await silo.Runtime.GetGrain<ISmallStateGrain>("warm-up").Wake();
            var before = SettledHeapBytes();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            await ActivateAsync(silo.Runtime, keys);
            var activationTime = clock.Elapsed;
            allocated = (double)(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / count;
            var after = SettledHeapBytes();
            retained = (double)(after - before) / count;
            if (silo.Runtime.ActivationCount != count + 1)
            {
                throw new InvalidOperationException($"Expected {count + 1} activations, the runtime has {silo.Runtime.ActivationCount}.");
            }

            footprint = ActivationFootprint.Describe(silo.Runtime, retained);
            BenchmarkReport.Log($"  activated in {activationTime.TotalSeconds:0.0} s ({Format.Number(count / activationTime.TotalSeconds)} activations/s)");
        }
        finally
        {
            var clock = Stopwatch.StartNew();
            await silo.DisposeAsync();
            BenchmarkReport.Log($"  stopped (deactivated all) in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        GC.KeepAlive(keys);
        return (retained, allocated, footprint);
    }

    private static double MeasureDictionary(int count, int run)
    {
        var keys = CreateKeys(count, "idle-" + run);
        var before = SettledHeapBytes();
        var directory = new ConcurrentDictionary<string, object>();
        foreach (var key in keys)
        {
            directory.TryAdd(key, new object());
        }

        var after = SettledHeapBytes();
        GC.KeepAlive(directory);
        GC.KeepAlive(keys);
        return (double)(after - before) / count;
    }

    private static async Task ActivateAsync(GrainRuntime runtime, string[] keys)
    {
        var pending = new ValueTask[Batch];
        for (var start = 0; start < keys.Length; start += Batch)
        {
            var size = Math.Min(Batch, keys.Length - start);
            for (var i = 0; i < size; i++)
            {
                pending[i] = runtime.GetGrain<ISmallStateGrain>(keys[start + i]).Wake();
            }

            for (var i = 0; i < size; i++)
            {
                await pending[i];
                pending[i] = default;
            }
        }
    }

    /// <summary>Bytes the objects made by <paramref name="create"/> take, from the allocation counter of this thread.</summary>
    private static long AllocatedBy<T>(Func<T> create)
    {
        long size = 0;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            // The second attempt is the one that counts: the first may include one-time costs of the JIT.
            var before = GC.GetAllocatedBytesForCurrentThread();
            var created = create();
            size = GC.GetAllocatedBytesForCurrentThread() - before;
            GC.KeepAlive(created);
        }

        return size;
    }

    private static string[] CreateKeys(int count, string prefix)
    {
        var keys = new string[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = prefix + "-" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        }

        return keys;
    }

    private static long SettledHeapBytes()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
