namespace Vigil.Benchmarks.Grains;

/// <summary>
/// Tells the one-way benchmark when every receiver has counted its share. Each receiver counts in its own field and
/// touches the shared counters only once per <see cref="ReportEvery"/> hits and once when it reaches the goal, so the
/// tally itself puts no contended cache line on the per-message path it measures.
/// </summary>
public static class HitTally
{
    /// <summary>How many hits a receiver counts before it reports them to <see cref="Processed"/>.</summary>
    public const int ReportEvery = 64;

    private static long _goal = long.MaxValue;
    private static long _processed;
    private static int _receiversPending;
    private static TaskCompletionSource _allReached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Hits counted so far by all receivers, in steps of <see cref="ReportEvery"/>: the producers' back-pressure signal.</summary>
    public static long Processed => Volatile.Read(ref _processed);

    /// <summary>
    /// Starts a round: completes once <paramref name="receivers"/> receivers have each counted up to
    /// <paramref name="cumulativeGoal"/> hits since they were created.
    /// </summary>
    public static Task StartRound(int receivers, long cumulativeGoal)
    {
        _allReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _receiversPending, receivers);
        Volatile.Write(ref _goal, cumulativeGoal);
        return _allReached.Task;
    }

    /// <summary>Counts one hit in a receiver's own counter; called only by that receiver (never concurrently).</summary>
    public static void Record(ref long hits)
    {
        var count = ++hits;
        if (count % ReportEvery == 0)
        {
            Interlocked.Add(ref _processed, ReportEvery);
        }

        if (count == Volatile.Read(ref _goal) && Interlocked.Decrement(ref _receiversPending) == 0)
        {
            _allReached.TrySetResult();
        }
    }
}
