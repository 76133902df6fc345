namespace Vigil.Runtime.Persistence;

/// <summary>The dirty states of one activation handed to the writer together; completes with how many failed.</summary>
internal sealed class StateWriteGroup(IReadOnlyList<PendingStateWrite> items)
{
    private readonly TaskCompletionSource<int> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _failed;

    public IReadOnlyList<PendingStateWrite> Items { get; } = items;

    /// <summary>Completes with the number of states that could not be written (they stay dirty).</summary>
    public Task<int> Completion => _completion.Task;

    public void RecordFailure() => _failed++;

    public void Complete() => _completion.TrySetResult(_failed);
}
