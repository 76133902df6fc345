namespace Vigil.Benchmarks.Infrastructure;

/// <summary>
/// The garbage collections of this process between two moments: how many of each generation and how long the
/// process was paused, so a latency tail can be set against the pauses that caused it.
/// </summary>
internal readonly record struct GcActivity(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static GcActivity Now() =>
        new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static GcActivity Since(GcActivity before)
    {
        var now = Now();
        return new(now.Gen0 - before.Gen0, now.Gen1 - before.Gen1, now.Gen2 - before.Gen2, now.Paused - before.Paused);
    }

    /// <summary>One log line: collections (a gen1 collection also counts as gen0, gen2 as both), pause time and its share of <paramref name="over"/>, and the last ephemeral collection.</summary>
    public string Describe(TimeSpan over)
    {
        var last = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        var lastPause = last.PauseDurations.Length > 0 ? last.PauseDurations[0].TotalMilliseconds : 0;
        return $"GC: {Gen0} collections ({Gen1} reaching gen1, {Gen2} gen2), paused {Paused.TotalMilliseconds:0} ms in all "
            + $"({Paused / over:P1} of {over.TotalSeconds:0} s, {(Gen0 > 0 ? Paused.TotalMilliseconds / Gen0 : 0):0.0} ms per collection); "
            + $"last ephemeral: gen{last.Generation}, paused {lastPause:0.0} ms, promoted {last.PromotedBytes / 1e6:0.0} MB, heap {last.HeapSizeBytes / 1e6:0} MB";
    }
}
