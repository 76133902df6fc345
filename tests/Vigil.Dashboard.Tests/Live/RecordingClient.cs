using Vigil.Dashboard.Live;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Live;

/// <summary>
/// Stands in for a browser: records each batch with the fake time it was sent at. A slow client's sends do not
/// complete until <see cref="CatchUp"/>, like a socket whose buffer is full.
/// </summary>
internal sealed class RecordingClient(FakeTimeProvider time, bool slow = false)
{
    private TaskCompletionSource _pending = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<(DateTimeOffset At, LiveBatch Batch)> Received { get; } = [];

    public IEnumerable<LiveBatch> Batches => Received.Select(r => r.Batch);

    public IEnumerable<LiveItem> Items => Batches.SelectMany(b => b.Items);

    public Task Send(LiveBatch batch)
    {
        lock (Received)
        {
            Received.Add((time.GetUtcNow(), batch));
            _sent.TrySetResult();
            _sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return slow ? _pending.Task : Task.CompletedTask;
    }

    /// <summary>Completes a slow client's outstanding send.</summary>
    public void CatchUp()
    {
        var pending = _pending;
        _pending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pending.SetResult();
    }

    /// <summary>Completes when the next batch is sent (for sends that finish on another thread).</summary>
    public Task NextBatch()
    {
        lock (Received)
        {
            return _sent.Task;
        }
    }
}
