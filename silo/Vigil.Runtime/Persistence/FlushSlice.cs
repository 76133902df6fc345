namespace Vigil.Runtime.Persistence;

/// <summary>
/// One write-behind tick's snapshots, counted down as each activation's states are written, fail, or turn out to need
/// no write; its task completes when the count reaches zero.
/// </summary>
/// <remarks>
/// The flusher keeps a few of these for life and reuses them, so an activation that remembers its pending snapshot
/// request holds an old object. A gen0 collection scans every old object that was handed a young reference since the
/// last one: a fresh completion per activation per flush (as there was before) made each dirty grain such an object.
/// </remarks>
internal sealed class FlushSlice
{
    private int _pending;
    private TaskCompletionSource? _done;

    /// <summary>Claims an idle slice for a new tick, holding one count until <see cref="Signal"/> releases it.</summary>
    public bool TryStart(out Task done)
    {
        if (Interlocked.CompareExchange(ref _pending, 1, 0) != 0)
        {
            done = Task.CompletedTask;
            return false;
        }

        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _done, completion);
        done = completion.Task;
        return true;
    }

    /// <summary>Counts one more activation whose snapshot this slice waits for.</summary>
    public void Add() => Interlocked.Increment(ref _pending);

    /// <summary>One activation's states are written (or failed, or needed none).</summary>
    public void Signal()
    {
        // Read before counting down: once the count is zero the slice may be claimed again and given a new completion.
        var done = Volatile.Read(ref _done)!;
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            done.TrySetResult();
        }
    }

    /// <summary>
    /// Signals what an activation keeps for its pending snapshot: one slice, or (when a second flush asked before the
    /// first was served) the list of them.
    /// </summary>
    public static void SignalAll(object? requests)
    {
        switch (requests)
        {
            case FlushSlice slice:
                slice.Signal();
                break;
            case List<FlushSlice> slices:
                foreach (var slice in slices)
                {
                    slice.Signal();
                }

                break;
        }
    }
}
