using System.Diagnostics;
using System.Globalization;
using Vigil.Benchmarks.Infrastructure;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Rooms;
using Vigil.Grains.Contracts.Vips;
using Vigil.Runtime;

namespace Vigil.Benchmarks.Domain;

/// <summary>
/// Resident memory of the domain grains: 1,000,000 active VIP grains each holding 60 days of daily history, and
/// 100,000 live rooms with viewers, chat, gifts, follows and scores in three categories, each in a fresh runtime.
/// Two figures per kind: the settled managed heap's growth, and the process's resident set's growth, per grain. Both
/// include everything the grain brings with it (runtime activation, state object, the rooms' heat-list entries); the
/// key strings are created before the first reading and not counted. Storage is in memory with write-behind held back,
/// so no serialized copy of a state is counted (in production the copy is in SQLite on disk).
/// </summary>
internal sealed class DomainMemoryBenchmark(BenchmarkOptions options, BenchmarkReport report)
{
    private const int InFlight = 5_000;

    public async Task RunAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var vipEvents = DomainTraffic.VipHistory(now);
        var (vipHeap, vipRss) = await MeasureAsync("VIP", options.DomainVips, (runtime, key) => runtime.GetGrain<IVipUserGrain>(key).Apply(vipEvents));
        report.Add(new ResultRow($"Memory per active VIP grain, 60 days of history ({options.DomainVips:N0} VIPs), managed heap", vipHeap, "B", double.NaN, Target.AtMostOf(2048)));
        report.Add(new ResultRow($"Memory per active VIP grain, 60 days of history ({options.DomainVips:N0} VIPs), process RSS", vipRss, "B", double.NaN, Target.AtMostOf(2048)));

        var roomEvents = DomainTraffic.RoomActivity(now);
        var (roomHeap, roomRss) = await MeasureAsync("room", options.DomainRooms, (runtime, key) => runtime.GetGrain<ILiveRoomGrain>(key).Apply(roomEvents));
        report.Add(new ResultRow($"Memory per live room ({options.DomainRooms:N0} rooms), managed heap", roomHeap, "B", double.NaN, Target.AtMostOf(8192)));
        report.Add(new ResultRow($"Memory per live room ({options.DomainRooms:N0} rooms), process RSS", roomRss, "B", double.NaN, Target.AtMostOf(8192)));
        report.AddNote($"Domain memory: each VIP got {vipEvents.Length} events over 60 days (daily session, gift, weekly survey), each room {roomEvents.Length} "
            + "(start, 40 joins, 10 leaves, 30 chat lines in en/ar/es, 8 gifts, 5 follows, 12 classifier scores in 3 categories, a report). "
            + "Heap: settled `GC.GetTotalMemory` after a compacting collection; RSS: `VmRSS`, which also holds the GC's free space and so is the upper figure. "
            + "The room figure includes its entries in its region's and the global heat list.");
    }

    private static async Task<(double Heap, double Rss)> MeasureAsync(string kind, int count, Func<GrainRuntime, string, Task> activate)
    {
        var keys = new string[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = kind + "-" + i.ToString("D7", CultureInfo.InvariantCulture);
        }

        var silo = await DomainSilo.StartAsync();
        await activate(silo.Runtime, "warm-up");
        var heapBefore = SettledHeapBytes();
        var rssBefore = ResidentBytes();
        var clock = Stopwatch.StartNew();
        var pending = new List<Task>(InFlight);
        foreach (var key in keys)
        {
            pending.Add(activate(silo.Runtime, key));
            if (pending.Count == InFlight)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
        var seconds = clock.Elapsed.TotalSeconds;
        var heap = (double)(SettledHeapBytes() - heapBefore) / count;
        var rss = (double)(ResidentBytes() - rssBefore) / count;
        BenchmarkReport.Log($"domain-memory: {count:N0} {kind} grains in {seconds:0.0} s; {Format.Number(heap)} B/grain managed heap, {Format.Number(rss)} B/grain RSS ({silo.Runtime.ActivationCount:N0} activations)");
        GC.KeepAlive(keys);
        return (heap, rss);
    }

    private static long SettledHeapBytes()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        // Aggressive also gives the freed segments back to the OS, so the RSS reading that follows is not inflated by
        // the previous measurement's garbage.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    /// <summary>The process's resident set from <c>/proc/self/status</c> (VmRSS), or the working set elsewhere.</summary>
    private static long ResidentBytes()
    {
        const string Status = "/proc/self/status";
        if (File.Exists(Status))
        {
            foreach (var line in File.ReadLines(Status))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
