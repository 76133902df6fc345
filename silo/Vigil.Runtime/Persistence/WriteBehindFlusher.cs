using System.Collections.Concurrent;
using Vigil.Runtime.Diagnostics;

namespace Vigil.Runtime.Persistence;

/// <summary>
/// Collects activations with dirty state and, every flush interval, asks each for a snapshot that the
/// <see cref="StateWriter"/> writes in batches. States whose write failed queue themselves again, so they are retried
/// at the next interval and never dropped.
/// </summary>
internal sealed class WriteBehindFlusher : IDisposable
{
    private readonly ConcurrentQueue<IWriteBehindParticipant> _queue = new();
    private readonly RuntimeMetrics _metrics;
    private readonly ITimer _timer;
    private Task _lastFlush = Task.CompletedTask;

    public WriteBehindFlusher(TimeProvider timeProvider, TimeSpan interval, RuntimeMetrics metrics)
    {
        _metrics = metrics;
        _timer = timeProvider.CreateTimer(static s => ((WriteBehindFlusher)s!).OnTimer(), this, interval, interval);
    }

    /// <summary>The flush started by the most recent tick (or explicit call); tests await it after advancing time.</summary>
    public Task LastFlush => Volatile.Read(ref _lastFlush);

    public void Enqueue(IWriteBehindParticipant participant)
    {
        _metrics.AddDirtyActivations(1);
        _queue.Enqueue(participant);
    }

    /// <summary>Snapshots every queued activation and waits until their states are written (or failed and re-queued).</summary>
    public Task FlushAsync()
    {
        var count = _queue.Count;
        if (count == 0)
        {
            return Task.CompletedTask;
        }

        var snapshots = new List<Task>(count);
        while (count-- > 0 && _queue.TryDequeue(out var participant))
        {
            _metrics.AddDirtyActivations(-1);
            participant.ClearQueuedForFlush();
            snapshots.Add(participant.RequestSnapshotAsync());
        }

        var flush = Task.WhenAll(snapshots);
        Volatile.Write(ref _lastFlush, flush);
        return flush;
    }

    private void OnTimer() => _ = FlushAsync();

    public void Dispose() => _timer.Dispose();
}
