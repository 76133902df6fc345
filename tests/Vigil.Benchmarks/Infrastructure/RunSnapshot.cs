using System.Diagnostics;

namespace Vigil.Benchmarks.Infrastructure;

/// <summary>The counters a measurement window is framed by: operations done, bytes allocated, collections, time.</summary>
internal readonly record struct RunSnapshot(long Operations, long AllocatedBytes, int Gen0, int Gen1, int Gen2, long Timestamp)
{
    public static RunSnapshot Take(long operations) => new(
        operations,
        GC.GetTotalAllocatedBytes(precise: true),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        Stopwatch.GetTimestamp());

    /// <summary>What happened between <paramref name="start"/> and this snapshot.</summary>
    public WindowResult Since(RunSnapshot start)
    {
        var operations = Operations - start.Operations;
        var seconds = Stopwatch.GetElapsedTime(start.Timestamp, Timestamp).TotalSeconds;
        return new WindowResult(
            operations,
            seconds,
            operations / seconds,
            operations == 0 ? double.NaN : (double)(AllocatedBytes - start.AllocatedBytes) / operations,
            Gen0 - start.Gen0,
            Gen1 - start.Gen1,
            Gen2 - start.Gen2);
    }
}
