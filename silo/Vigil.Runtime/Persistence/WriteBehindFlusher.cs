using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Vigil.Runtime.Diagnostics;
using Vigil.Runtime.Invocation;

namespace Vigil.Runtime.Persistence;

/// <summary>
/// Collects activations with dirty state and asks each for a snapshot one flush interval after it became dirty; the
/// <see cref="StateWriter"/> writes the snapshots in batches. States whose write failed queue themselves again, so they
/// are retried an interval later and never dropped.
/// </summary>
/// <remarks>
/// The timer ticks <see cref="TicksPerInterval"/> times per interval and each tick takes only the activations whose
/// interval is up, instead of snapshotting every dirty activation at once. With thousands of busy grains (every live
/// room is dirty again within a second of its last write) one tick per interval meant a burst of thousands of
/// snapshots every interval, and every call that arrived during the burst waited behind it: the event-to-alert tail.
/// Ticking in slices spreads the same work over the interval; each state is still written about once per interval,
/// never before it, and at most one slice after.
/// </remarks>
internal sealed class WriteBehindFlusher : IDisposable
{
    /// <summary>How finely the interval is sliced: a state waits at most an interval plus one slice.</summary>
    public const int TicksPerInterval = 10;

    private readonly ConcurrentQueue<(IWriteBehindParticipant Participant, long DirtySince)> _queue = new();
    private readonly TimeProvider _time;
    private readonly long _intervalTicks;
    private readonly RuntimeMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly FlushSlice[] _slices;
    private int _nextSlice;
    private int _ticking;
    private Task _lastFlush = Task.CompletedTask;

    public WriteBehindFlusher(TimeProvider timeProvider, TimeSpan interval, RuntimeMetrics metrics, ILogger logger)
    {
        _logger = logger;
        _time = timeProvider;
        _intervalTicks = (long)(interval.TotalSeconds * timeProvider.TimestampFrequency);
        _metrics = metrics;
        _slices = new FlushSlice[2 * TicksPerInterval];
        for (var i = 0; i < _slices.Length; i++)
        {
            _slices[i] = new FlushSlice();
        }

        var slice = interval / TicksPerInterval;
        _timer = timeProvider.CreateTimer(static s => ((WriteBehindFlusher)s!).OnTimer(), this, slice, slice);
    }

    /// <summary>Every flush still writing (started by ticks or explicit calls); tests await it after advancing time.</summary>
    public Task LastFlush => Volatile.Read(ref _lastFlush);

    public void Enqueue(IWriteBehindParticipant participant)
    {
        _metrics.AddDirtyActivations(1);
        _queue.Enqueue((participant, _time.GetTimestamp()));
    }

    /// <summary>Snapshots every queued activation, due or not, and waits until their states are written (or failed and re-queued).</summary>
    public Task FlushAsync() => Flush(dueBefore: long.MaxValue);

    private void OnTimer()
    {
        // A tick takes idle grains' snapshots on its own thread; one that outlasts a slice must not be joined by the
        // next on another pool thread (both cores flushing is the stall this avoids). The next free tick takes over.
        if (Interlocked.Exchange(ref _ticking, 1) != 0)
        {
            return;
        }

        try
        {
            _ = Flush(_time.GetTimestamp() - _intervalTicks);
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }

    /// <summary>Snapshots the activations queued at or before <paramref name="dueBefore"/> (a timestamp), oldest first.</summary>
    private Task Flush(long dueBefore)
    {
        // Only what was queued when the flush started: an activation that re-queues itself meanwhile waits for the next.
        var count = _queue.Count;
        FlushSlice? slice = null;
        var done = Task.CompletedTask;
        // Idle activations take their snapshot on this thread (a caller-runs scope), one after another, rather than
        // each being queued to the thread pool: a tick asks a tenth of the dirty grains at once, thousands of work items
        // that every ingest request and alert queued behind until they were done.
        using (CallerRunsScope.Open())
        {
            while (count-- > 0 && _queue.TryPeek(out var head) && head.DirtySince <= dueBefore && _queue.TryDequeue(out var next))
            {
                _metrics.AddDirtyActivations(-1);
                next.Participant.ClearQueuedForFlush();
                slice ??= StartSlice(out done);
                slice.Add();
                try
                {
                    next.Participant.RequestSnapshot(slice);
                }
                catch (Exception exception)
                {
                    // Only a runtime fault escapes an activation's run loop, which then hands it to the pool; the
                    // activations after it must still be asked, or the slice would never complete.
                    RuntimeLog.SnapshotRequestFailed(_logger, exception, next.Participant.ToString()!);
                }
            }
        }

        if (slice is null)
        {
            return Task.CompletedTask;
        }

        // The slice's own count, held while activations were being asked.
        slice.Signal();
        lock (_queue)
        {
            // Keep every flush still writing awaitable in one task, so a test (or a caller) waiting on LastFlush does
            // not miss a slice that started earlier and is still writing.
            _lastFlush = _lastFlush.IsCompleted ? done : Task.WhenAll(_lastFlush, done);
        }

        return done;
    }

    /// <summary>An idle slice of the pool, or a new one when all are still writing (the writer is far behind).</summary>
    private FlushSlice StartSlice(out Task done)
    {
        lock (_slices)
        {
            for (var i = 0; i < _slices.Length; i++)
            {
                var index = (_nextSlice + i) % _slices.Length;
                if (_slices[index].TryStart(out done))
                {
                    _nextSlice = index + 1;
                    return _slices[index];
                }
            }
        }

        var fresh = new FlushSlice();
        fresh.TryStart(out done);
        return fresh;
    }

    public void Dispose() => _timer.Dispose();
}
