namespace Vigil.Runtime.Persistence;

/// <summary>
/// The dirty states one activation snapshotted at once, written in one batch, numbered in submission order. Whoever
/// waits is told when the group is done: a flush slice (write-behind) or a completion with the failure count
/// (deactivation's final write).
/// </summary>
internal sealed class StateWriteGroup(IReadOnlyList<PendingStateWrite> items, long sequence, object? slices, TaskCompletionSource<int>? completion)
{
    private int _failed;

    public IReadOnlyList<PendingStateWrite> Items { get; } = items;

    /// <summary>Submission order; the writer finishes groups in this order.</summary>
    public long Sequence { get; } = sequence;

    public void RecordFailure() => _failed++;

    public void Complete()
    {
        completion?.TrySetResult(_failed);
        FlushSlice.SignalAll(slices);
    }
}
