using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Vigil.Dashboard.Live;

/// <summary>
/// One browser connection's side of the live push: the items it may see wait here, coalesced per subject (latest wins),
/// until its pump sends them as one <see cref="LiveBatch"/>, at most once per batch interval. Nothing is sent before the
/// connection has a starting point (<see cref="StartAfter"/>, from its snapshot or resume).
/// </summary>
/// <remarks>
/// <see cref="Offer"/> runs on the feed's thread for every item and never waits on the network: a connection whose
/// sends do not keep up only holds at most <see cref="LiveOptions.ConnectionQueueCapacity"/> distinct subjects. Past
/// that it drops what waits and remembers the gap: its next batch's <c>after</c> is the last dropped sequence, which
/// the client does not hold, so the client calls <c>Resume</c>. Memory stays bounded and the feed never blocks.
/// </remarks>
public sealed class LiveConnection : IDisposable
{
    private readonly Func<LiveBatch, Task> _send;
    private readonly TimeProvider _time;
    private readonly LiveMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeSpan _interval;
    private readonly int _capacity;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();

    // Guarded by _gate. The dictionary is reused from batch to batch so a steady stream allocates only the batch array.
    private readonly Dictionary<string, LiveItem> _pending = new(StringComparer.Ordinal);
    private bool _started;
    private bool _timerArmed;
    private bool _sending;
    private bool _disposed;
    private long _lastSent;
    private bool _lost;
    private long _lostThrough;
    private DateTimeOffset _nextSendAt;

    // The highest sequence this connection has considered, visible or not. Written under _gate for visible items; for
    // items it may not see it is a plain volatile write: the feed publishes one item at a time, so a batch that reads it
    // under _gate either already holds a visible item with a lower sequence or that item comes after it.
    private long _seenThrough;

    public LiveConnection(string id, LiveAudience audience, Func<LiveBatch, Task> send, LiveOptions options, TimeProvider time, LiveMetrics metrics, ILogger logger)
    {
        Id = id;
        Audience = audience;
        _send = send;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _interval = options.BatchInterval;
        _capacity = options.ConnectionQueueCapacity;
        // The connection outlives the hub call that opens it: its timer must not hold on to that call's context.
        var flow = ExecutionContext.IsFlowSuppressed() ? default(AsyncFlowControl?) : ExecutionContext.SuppressFlow();
        try
        {
            _timer = time.CreateTimer(static state => ((LiveConnection)state!).Flush(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        finally
        {
            flow?.Undo();
        }
    }

    public string Id { get; }

    public LiveAudience Audience { get; }

    /// <summary>Takes one sequenced item (called in sequence order by <see cref="LiveSequencer"/>); never blocks on the network.</summary>
    public void Offer(LiveItem item)
    {
        if (!Audience.CanSee(item))
        {
            Volatile.Write(ref _seenThrough, item.Seq);
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _seenThrough = item.Seq;
            ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(_pending, item.SubjectId);
            if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref slot))
            {
                slot = item;
                _metrics.ItemCoalesced();
            }
            else if (_pending.Count >= _capacity)
            {
                MarkLost(item.Seq);
            }
            else
            {
                _pending.Add(item.SubjectId, item);
            }

            ArmIfDue();
        }
    }

    /// <summary>
    /// Sets where this connection's stream starts: the client holds everything up to <paramref name="sequence"/>
    /// (a snapshot or a resume), so waiting items at or before it are dropped and the next batch says <c>after</c> =
    /// <paramref name="sequence"/>. The first batch waits one interval so the snapshot's answer reaches the client first.
    /// </summary>
    public void StartAfter(long sequence)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            foreach (var (subject, item) in _pending)
            {
                if (item.Seq <= sequence)
                {
                    _pending.Remove(subject);
                }
            }

            if (_lost && _lostThrough <= sequence)
            {
                _lost = false;
            }

            _lastSent = sequence;
            _seenThrough = Math.Max(Volatile.Read(ref _seenThrough), sequence);
            _started = true;
            _nextSendAt = _time.GetUtcNow() + _interval;
            if (_timerArmed)
            {
                _timer.Change(_interval, Timeout.InfiniteTimeSpan);
            }
            else
            {
                ArmIfDue();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _pending.Clear();
        }

        _timer.Dispose();
    }

    private void Flush()
    {
        LiveBatch batch;
        lock (_gate)
        {
            _timerArmed = false;
            if (_disposed || !_started || _sending || (_pending.Count == 0 && !_lost))
            {
                return;
            }

            var items = new LiveItem[_pending.Count];
            _pending.Values.CopyTo(items, 0);
            _pending.Clear();
            if (items.Length > 1)
            {
                Array.Sort(items, static (a, b) => a.Seq.CompareTo(b.Seq));
            }

            var sequence = Math.Max(Volatile.Read(ref _seenThrough), _lastSent);
            batch = new LiveBatch(_lost ? _lostThrough : _lastSent, sequence, items);
            _lastSent = sequence;
            _lost = false;
            _sending = true;
            _nextSendAt = _time.GetUtcNow() + _interval;
        }

        Task sending;
        try
        {
            sending = _send(batch);
        }
        catch (Exception exception)
        {
            sending = Task.FromException(exception);
        }

        _metrics.BatchSent(batch.Items.Count);
        if (sending.IsCompleted)
        {
            Sent(sending, batch);
        }
        else
        {
            sending.ContinueWith(static (task, state) =>
            {
                var (connection, sent) = ((LiveConnection, LiveBatch))state!;
                connection.Sent(task, sent);
            }, (this, batch), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void Sent(Task sending, LiveBatch batch)
    {
        lock (_gate)
        {
            _sending = false;
            if (_disposed)
            {
                return;
            }

            if (sending.IsFaulted || sending.IsCanceled)
            {
                // Nothing to undo: the next batch's after is this batch's sequence, which the client never got, so it
                // resumes from what it holds.
                _metrics.Resync("send_failed");
                _logger.LogWarning(sending.Exception?.GetBaseException(), "Live connection {ConnectionId} failed to receive batch {After}..{Sequence}; it must resynchronise", Id, batch.After, batch.Sequence);
            }

            ArmIfDue();
        }
    }

    /// <summary>Drops what waits and makes the next batch's <c>after</c> a sequence the client never got. Under _gate.</summary>
    private void MarkLost(long through)
    {
        if (!_lost)
        {
            _metrics.Resync("overflow");
            _logger.LogWarning("Live connection {ConnectionId} fell {Pending} subjects behind at sequence {Sequence}; it must resynchronise", Id, _pending.Count, through);
        }

        _pending.Clear();
        _lost = true;
        _lostThrough = Math.Max(_lostThrough, through);
    }

    /// <summary>Arms the pump's timer when something waits and no send is due or under way. Under _gate.</summary>
    private void ArmIfDue()
    {
        if (!_started || _timerArmed || _sending || (_pending.Count == 0 && !_lost))
        {
            return;
        }

        var due = _nextSendAt - _time.GetUtcNow();
        _timerArmed = true;
        _timer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
