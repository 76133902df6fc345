namespace Vigil.Benchmarks.Infrastructure;

/// <summary>
/// Completed-operation counts of closed-loop workers, one slot per worker, plus the flag that stops them. Each slot is
/// written by one worker at a time (a worker's continuations never overlap) and slots sit a cache line pair apart, so
/// counting adds no shared write to the loop it measures; the sampler sums them with plain reads.
/// </summary>
internal sealed class OperationCounters
{
    // 16 longs = 128 bytes: adjacent-line prefetch pulls cache lines in pairs, so 64 bytes apart still false-shares.
    private const int Stride = 16;

    private readonly long[] _slots;
    private volatile bool _stopping;

    public OperationCounters(int workers)
    {
        Workers = workers;
        _slots = new long[(workers + 1) * Stride];
    }

    public int Workers { get; }

    public bool IsStopping => _stopping;

    public void Increment(int worker) => _slots[(worker + 1) * Stride]++;

    public long Total()
    {
        long total = 0;
        for (var worker = 0; worker < Workers; worker++)
        {
            total += Volatile.Read(ref _slots[(worker + 1) * Stride]);
        }

        return total;
    }

    /// <summary>Workers that have completed no operation at all: starved, or stuck on a call that never returns.</summary>
    public int CountIdle()
    {
        var idle = 0;
        for (var worker = 0; worker < Workers; worker++)
        {
            if (Volatile.Read(ref _slots[(worker + 1) * Stride]) == 0)
            {
                idle++;
            }
        }

        return idle;
    }

    public void Stop() => _stopping = true;
}
