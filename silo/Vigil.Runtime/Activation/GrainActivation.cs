using Vigil.Runtime.Diagnostics;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Invocation;
using Vigil.Runtime.Persistence;
using Vigil.Runtime.Timers;

namespace Vigil.Runtime.Activation;

/// <summary>
/// The one live instance of a grain in this silo, and its scheduler.
/// <para>
/// Concurrency model: every piece of work for the activation (a call, a continuation of a call's turn, a timer tick,
/// activation, deactivation, a state snapshot) is queued here under the activation's lock, and at most one thread pool
/// thread runs the activation at a time (<c>_scheduled</c>). That thread runs work outside the lock, so a grain's code
/// is never executed by two threads at once, while callers only hold the lock for an enqueue. Calls start in arrival
/// order; a call may start while others are awaiting only when the rules allow interleaving (read-only with read-only,
/// [AlwaysInterleave], [Reentrant] grains).
/// </para>
/// </summary>
internal sealed class GrainActivation : IThreadPoolWorkItem, IRequestHost, IGrainContext, IDirtyStateOwner, IWriteBehindParticipant, ITimerHost
{
    // Work items run per scheduling before the thread is handed back, so one busy grain cannot starve the pool.
    private const int TurnBudget = 64;

    private readonly GrainRuntime _runtime;
    private MailboxRing _mailbox;
    private Queue<Continuation>? _continuations;
    private Grain? _grain;
    private IStateSlot[] _states = [];
    private List<GrainTimer>? _timers;
    private GrainRequest? _lifecycle;
    private ActivationStatus _status;
    private int _runningWriters;
    private bool _scheduled;
    private bool _deactivateRequested;
    private DeactivationReason _deactivationReason;
    // The flush slice (or slices) waiting for this activation's snapshot: pooled, old objects (see FlushSlice).
    private object? _snapshot;
    private TaskCompletionSource? _deactivated;
    private long _lastActivity;
    private int _queuedForFlush;

    public GrainActivation(GrainRuntime runtime, GrainClass grainClass, GrainId grainId)
    {
        _runtime = runtime;
        Class = grainClass;
        GrainId = grainId;
    }

    public GrainId GrainId { get; }

    public GrainClass Class { get; }

    public IGrainFactory GrainFactory => _runtime;

    public TimeProvider TimeProvider => _runtime.TimeProvider;

    // A racy read is fine: TryEnqueue re-checks under the lock.
    internal bool IsDead => _status == ActivationStatus.Dead;

    /// <summary>Requests queued or running; read without the lock as a hint by sweeps.</summary>
    internal int QueuedRequests => _mailbox.Count;

    /// <summary>
    /// Queues a call, and schedules the activation if it was idle: on the thread pool, or on this thread inside a
    /// <see cref="CallerRunsScope"/>. Returns false when the activation is dead and the sender must look the grain up again.
    /// </summary>
    /// <remarks>
    /// A call that finds the activation idle inside a caller-runs scope starts at once on this thread without entering
    /// the mailbox. A collection scans every old object written with a young reference since the last one, so a
    /// mailbox slot written per call made each live room's mailbox a card to scan at every gen0 collection; the
    /// request enters the mailbox (as running) only if its turn goes async. Until then the timeout sweep does not see
    /// it: a turn running synchronously on its sender's thread has no caller left waiting to be released early.
    /// </remarks>
    public bool TryEnqueue(GrainRequest request)
    {
        var inline = CallerRunsScope.TryBeginInlineTurns();
        bool schedule = false, claimedInline = false;
        lock (this)
        {
            if (_status == ActivationStatus.Dead)
            {
                if (inline)
                {
                    CallerRunsScope.CancelInlineTurns();
                }

                return false;
            }

            request.Host = this;
            if (inline && TryClaimInlineTurnLocked(request))
            {
                claimedInline = true;
            }
            else
            {
                _mailbox.Enqueue(request);
                schedule = TryClaimScheduleLocked();
            }
        }

        if (!claimedInline && !schedule)
        {
            if (inline)
            {
                CallerRunsScope.CancelInlineTurns();
            }

            return true;
        }

        RunClaimed(inline, claimedInline ? request : null);
        return true;
    }

    /// <summary>
    /// Runs the activation this thread has just claimed: here when <paramref name="inline"/> (the thread began inline
    /// turns of its caller-runs scope), starting with <paramref name="inlineTurn"/> if one was claimed with it; else on
    /// the pool.
    /// </summary>
    private void RunClaimed(bool inline, GrainRequest? inlineTurn)
    {
        if (!inline)
        {
            Schedule();
            return;
        }

        try
        {
            RunLoop(inlineTurn);
        }
        catch
        {
            // The activation is still claimed by this thread: hand it to the pool, or nothing would run it again.
            Schedule();
            throw;
        }
        finally
        {
            CallerRunsScope.EndInlineTurns();
        }
    }

    public void Execute() => RunLoop(inlineTurn: null);

    /// <summary>Queues the activation, which this thread has claimed, to run: on the urgent lane for urgent grain classes, else on the thread pool.</summary>
    private void Schedule()
    {
        if (Class.IsUrgent)
        {
            _runtime.ScheduleUrgent(this);
        }
        else
        {
            // The global queue is FIFO; a thread's local queue is LIFO and would let a few busy grains starve the rest.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>
    /// Runs the activation's work until none is left (or the turn budget is spent), starting with
    /// <paramref name="inlineTurn"/> when the caller claimed the activation for it (<see cref="TryClaimInlineTurnLocked"/>).
    /// </summary>
    private void RunLoop(GrainRequest? inlineTurn)
    {
        var previousContext = SynchronizationContext.Current;
        CallerRunsScope.EnterActivation();
        try
        {
            GrainRequest? finished = null;
            if (inlineTurn is not null)
            {
                finished = Run(new Work(WorkKind.Turn, inlineTurn));
            }

            var budget = TurnBudget;
            while (true)
            {
                Work work;
                List<GrainRequest>? failed = null;
                Exception? failure = null;
                var closed = finished;
                finished = null;
                lock (this)
                {
                    if (closed is not null)
                    {
                        FinishTurnLocked(closed, ref failed, ref failure);
                    }

                    if (budget-- == 0)
                    {
                        work = new Work(WorkKind.Yield);
                    }
                    else
                    {
                        work = TakeWorkLocked();
                        if (work.Kind == WorkKind.None)
                        {
                            if (closed is not null)
                            {
                                // Stay scheduled while the caller is released: it often calls this grain again at once,
                                // and this thread then serves that call without a trip through the thread pool.
                                work = new Work(WorkKind.Recheck);
                            }
                            else
                            {
                                _scheduled = false;
                            }
                        }
                    }
                }

                if (closed is not null)
                {
                    Release(closed);
                }

                FailAll(failed, failure);
                if (work.Kind == WorkKind.None)
                {
                    break;
                }

                if (work.Kind == WorkKind.Recheck)
                {
                    continue;
                }

                if (work.Kind == WorkKind.Yield)
                {
                    Schedule();
                    break;
                }

                finished = Run(work);
            }
        }
        finally
        {
            CallerRunsScope.ExitActivation();
            SynchronizationContext.SetSynchronizationContext(previousContext);
        }
    }

    void IRequestHost.Post(GrainRequest request, SendOrPostCallback callback, object? state)
    {
        bool schedule;
        lock (this)
        {
            (_continuations ??= new Queue<Continuation>()).Enqueue(new Continuation(request, callback, state));
            schedule = !_scheduled;
            _scheduled = true;
        }

        if (schedule)
        {
            Schedule();
        }
    }

    void IRequestHost.OnTurnCompleted(GrainRequest request)
    {
        List<GrainRequest>? failed = null;
        Exception? failure = null;
        bool schedule;
        lock (this)
        {
            FinishTurnLocked(request, ref failed, ref failure);
            schedule = TryClaimScheduleLocked();
        }

        Release(request);
        FailAll(failed, failure);
        if (schedule)
        {
            Schedule();
        }
    }

    public void DeactivateOnIdle() => RequestDeactivation(DeactivationReason.RequestedByGrain);

    /// <summary>Deactivates for silo shutdown; completes once the activation is dead or its deactivation failed.</summary>
    public Task DeactivateForShutdownAsync()
    {
        lock (this)
        {
            if (_status == ActivationStatus.Dead)
            {
                return Task.CompletedTask;
            }

            _deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_status == ActivationStatus.Inactive && _mailbox.Count == 0)
            {
                DieLocked();
                return Task.CompletedTask;
            }

            _deactivateRequested = true;
            _deactivationReason = DeactivationReason.SiloShutdown;
            if (TryClaimScheduleLocked())
            {
                Schedule();
            }

            return _deactivated.Task;
        }
    }

    /// <summary>Starts idle deactivation when nothing has run for <paramref name="idleTicks"/>; returns whether it did.</summary>
    public bool TryCollectIfIdle(long now, long idleTicks)
    {
        lock (this)
        {
            if (_status != ActivationStatus.Active || _deactivateRequested || now - _lastActivity < idleTicks || _mailbox.HasActivity())
            {
                return false;
            }

            _deactivateRequested = true;
            _deactivationReason = DeactivationReason.IdleTimeout;
            if (TryClaimScheduleLocked())
            {
                Schedule();
            }

            return true;
        }
    }

    /// <summary>Fails every queued or running call whose deadline has passed.</summary>
    public void FailExpiredRequests(long now)
    {
        List<GrainRequest>? expired = null;
        lock (this)
        {
            _mailbox.CollectExpired(now, ref expired);
        }

        if (expired is null)
        {
            return;
        }

        foreach (var request in expired)
        {
            var timeout = _runtime.TimeProvider.GetElapsedTime(request.SentTimestamp, request.DeadlineTimestamp);
            request.FailNow(new GrainCallTimeoutException(GrainId, request.Method.DisplayName, timeout));
        }
    }

    public IGrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(options);
        var timer = new GrainTimer(this, callback, state, options);
        lock (this)
        {
            (_timers ??= []).Add(timer);
        }

        return timer;
    }

    void ITimerHost.EnqueueTimerTick(TimerTickRequest tick)
    {
        tick.SentTimestamp = _runtime.TimeProvider.GetTimestamp();
        bool schedule;
        lock (this)
        {
            if (_status != ActivationStatus.Active || _deactivateRequested)
            {
                return;
            }

            tick.Host = this;
            _mailbox.Enqueue(tick);
            schedule = TryClaimScheduleLocked();
        }

        if (schedule)
        {
            Schedule();
        }
    }

    void ITimerHost.RemoveTimer(GrainTimer timer)
    {
        lock (this)
        {
            _timers?.Remove(timer);
        }
    }

    void ITimerHost.OnTimerCallbackFailed(Exception exception) =>
        RuntimeLog.TimerCallbackFailed(_runtime.Logger, exception, GrainId.ToString());

    public void NotifyDirty()
    {
        if (Interlocked.Exchange(ref _queuedForFlush, 1) == 0)
        {
            _runtime.Flusher.Enqueue(this);
        }
    }

    void IWriteBehindParticipant.ClearQueuedForFlush() => Volatile.Write(ref _queuedForFlush, 0);

    void IWriteBehindParticipant.RequestSnapshot(FlushSlice slice)
    {
        bool kept, schedule = false;
        lock (this)
        {
            // Deactivation writes the states itself; an inactive activation has none.
            kept = _status == ActivationStatus.Active && _states.Length > 0;
            if (kept)
            {
                _snapshot = WithSlice(_snapshot, slice);
                schedule = TryClaimScheduleLocked();
            }
        }

        if (!kept)
        {
            slice.Signal();
        }
        else if (schedule)
        {
            // Inside the flusher's caller-runs scope the snapshot turn runs here: thousands of activations queued to
            // the pool at once per flush tick put every ingest request and alert behind them.
            RunClaimed(CallerRunsScope.TryBeginInlineTurns(), inlineTurn: null);
        }
    }

    /// <summary>A pending snapshot request with <paramref name="slice"/> added: the slice alone, or a list when two flushes asked.</summary>
    private static object WithSlice(object? pending, FlushSlice slice)
    {
        switch (pending)
        {
            case null:
                return slice;
            case FlushSlice first:
                return new List<FlushSlice> { first, slice };
            default:
                var slices = (List<FlushSlice>)pending;
                slices.Add(slice);
                return slices;
        }
    }

    Task IDirtyStateOwner.WhenWritten(long sequence) => _runtime.StateWriter.WhenWritten(sequence);

    private void RequestDeactivation(DeactivationReason reason)
    {
        lock (this)
        {
            if (_status is ActivationStatus.Dead or ActivationStatus.Deactivating || _deactivateRequested)
            {
                return;
            }

            _deactivateRequested = true;
            _deactivationReason = reason;
            if (TryClaimScheduleLocked())
            {
                Schedule();
            }
        }
    }

    /// <summary>
    /// Claims an idle activation for <paramref name="request"/> to run at once on this thread, outside the mailbox:
    /// only when nothing else is queued, running or due (continuations, a lifecycle step, deactivation, a snapshot),
    /// so it is exactly the turn <see cref="TakeWorkLocked"/> would have started next.
    /// </summary>
    private bool TryClaimInlineTurnLocked(GrainRequest request)
    {
        if (_scheduled || _status != ActivationStatus.Active || _mailbox.Count != 0 || _continuations is { Count: > 0 }
            || _lifecycle is not null || _deactivateRequested || _snapshot is not null || request.IsCompleted)
        {
            return false;
        }

        _scheduled = true;
        request.InlineTurn = GrainRequest.InlineTurnRunning;
        if (!request.Method.IsReadOnly)
        {
            _runningWriters++;
        }

        if (request.CountsAsActivity)
        {
            _lastActivity = request.SentTimestamp;
        }

        return true;
    }

    /// <summary>
    /// An inline turn that did not complete synchronously joins the mailbox's running requests, so interleaving rules,
    /// timeouts and deactivation see it; unless it already finished on another thread meanwhile. Returns whether it did.
    /// </summary>
    private bool AdoptInlineTurn(GrainRequest request)
    {
        lock (this)
        {
            if (request.InlineTurn == GrainRequest.InlineTurnFinished)
            {
                return true;
            }

            request.InlineTurn = 0;
            _mailbox.AdoptRunning(request);
            return false;
        }
    }

    private bool TryClaimScheduleLocked()
    {
        if (_scheduled || !HasWorkLocked())
        {
            return false;
        }

        _scheduled = true;
        return true;
    }

    private bool HasWorkLocked()
    {
        if (_continuations is { Count: > 0 })
        {
            return true;
        }

        switch (_status)
        {
            case ActivationStatus.Inactive:
                return _mailbox.Count > 0;
            case ActivationStatus.Active:
                if (_mailbox.Running == 0 && _lifecycle is null && (_deactivateRequested || _snapshot is not null))
                {
                    return true;
                }

                return !_deactivateRequested && _mailbox.PeekPending() is { } next && (next.IsCompleted || CanStartLocked(next));
            default:
                return false;
        }
    }

    private Work TakeWorkLocked()
    {
        if (_continuations is { Count: > 0 } continuations)
        {
            var continuation = continuations.Dequeue();
            if (continuations.Count == 0)
            {
                // Most activations await another grain only now and then (a VIP's activation awaits its gifter ledger
                // once): a queue kept for life cost every such activation 64 bytes and more, for nothing at rest.
                _continuations = null;
            }

            return new Work(WorkKind.Continuation, Continuation: continuation);
        }

        switch (_status)
        {
            case ActivationStatus.Inactive when _mailbox.Count > 0:
                _status = ActivationStatus.Activating;
                _lifecycle = new LifecycleRequest(GrainId, LifecycleRequest.Activate, ActivateAsync) { Host = this };
                return new Work(WorkKind.Turn, _lifecycle);

            case ActivationStatus.Active:
                if (_mailbox.Running == 0 && _lifecycle is null)
                {
                    // A snapshot before a deactivation: its flush slice waits for it, and the deactivation then
                    // writes only what changed since.
                    if (_snapshot is { } snapshot)
                    {
                        _snapshot = null;
                        return new Work(WorkKind.Snapshot, Snapshot: snapshot);
                    }

                    if (_deactivateRequested)
                    {
                        return new Work(WorkKind.Turn, StartDeactivationLocked());
                    }
                }

                if (_deactivateRequested)
                {
                    return default;
                }

                while (_mailbox.PeekPending() is { } next)
                {
                    if (next.IsCompleted)
                    {
                        // Its caller timed out before it could start: running it now would surprise everyone.
                        _mailbox.DropPending();
                        continue;
                    }

                    if (!CanStartLocked(next))
                    {
                        break;
                    }

                    _mailbox.StartPending();
                    if (!next.Method.IsReadOnly)
                    {
                        _runningWriters++;
                    }

                    if (next.CountsAsActivity)
                    {
                        _lastActivity = next.SentTimestamp;
                    }

                    return new Work(WorkKind.Turn, next);
                }

                return default;

            default:
                return default;
        }
    }

    // A method of its own: a lambda capturing locals in TakeWorkLocked would allocate its closure on every call.
    private LifecycleRequest StartDeactivationLocked()
    {
        _status = ActivationStatus.Deactivating;
        var reason = _deactivationReason;
        var lifecycle = new LifecycleRequest(GrainId, LifecycleRequest.Deactivate, () => DeactivateAsync(reason)) { Host = this };
        _lifecycle = lifecycle;
        return lifecycle;
    }

    private bool CanStartLocked(GrainRequest next)
    {
        if (_mailbox.Running == 0)
        {
            return true;
        }

        if (Class.IsReentrant || next.Method.AlwaysInterleave)
        {
            return true;
        }

        return next.Method.IsReadOnly && _runningWriters == 0;
    }

    private GrainRequest? Run(in Work work)
    {
        switch (work.Kind)
        {
            case WorkKind.Continuation:
                SynchronizationContext.SetSynchronizationContext(work.Continuation.Request);
                try
                {
                    work.Continuation.Callback(work.Continuation.State);
                }
                catch (Exception exception)
                {
                    RuntimeLog.ContinuationFailed(_runtime.Logger, exception, GrainId.ToString());
                }

                return null;

            case WorkKind.Snapshot:
                SynchronizationContext.SetSynchronizationContext(null);
                RunSnapshot(work.Snapshot!);
                return null;

            default:
                var request = work.Request!;
                SynchronizationContext.SetSynchronizationContext(request);
                bool completedSynchronously;
                try
                {
                    completedSynchronously = request.Invoke(_grain ?? (object)this);
                }
                catch (Exception exception)
                {
                    request.TryFail(exception);
                    completedSynchronously = true;
                }

                if (!completedSynchronously && request.InlineTurn == GrainRequest.InlineTurnRunning && AdoptInlineTurn(request))
                {
                    // Finished on another thread before it could join the mailbox; that thread closed it.
                    return null;
                }

                return completedSynchronously ? request : null;
        }
    }

    private void FinishTurnLocked(GrainRequest request, ref List<GrainRequest>? failed, ref Exception? failure)
    {
        if (ReferenceEquals(request, _lifecycle))
        {
            FinishLifecycleLocked(request, ref failed, ref failure);
            return;
        }

        if (request.InlineTurn == GrainRequest.InlineTurnRunning)
        {
            // An inline turn, never in the mailbox; its runner sees this if it was about to adopt it.
            request.InlineTurn = GrainRequest.InlineTurnFinished;
        }
        else
        {
            _mailbox.RemoveRunning(request);
        }

        if (!request.Method.IsReadOnly)
        {
            _runningWriters--;
        }

        _runtime.OnCallCompleted(request, Class);
        if (request.Failure is { } exception && request.Method.IsOneWay)
        {
            RuntimeLog.OneWayCallFailed(_runtime.Logger, exception, request.Method.DisplayName, GrainId.ToString());
        }
    }

    private void FinishLifecycleLocked(GrainRequest lifecycle, ref List<GrainRequest>? failed, ref Exception? failure)
    {
        _lifecycle = null;
        if (_status == ActivationStatus.Activating)
        {
            if (lifecycle.Failure is null)
            {
                _status = ActivationStatus.Active;
                _lastActivity = _runtime.TimeProvider.GetTimestamp();
                _runtime.OnActivated(Class);
                return;
            }

            _status = ActivationStatus.Inactive;
            _grain = null;
            _states = [];
            failed = _mailbox.TakeAllPending();
            failure = new GrainActivationException(GrainId, lifecycle.Failure);
            RuntimeLog.ActivationFailed(_runtime.Logger, lifecycle.Failure, GrainId.ToString(), failed.Count);
            if (_deactivated is not null)
            {
                DieLocked();
            }

            return;
        }

        // Deactivating.
        _deactivateRequested = false;
        if (lifecycle.Failure is { } deactivationFailure)
        {
            _status = ActivationStatus.Active;
            RuntimeLog.DeactivationFailed(_runtime.Logger, deactivationFailure, GrainId.ToString());
            _deactivated?.TrySetResult();
            _deactivated = null;
            return;
        }

        _runtime.OnDeactivated(Class);
        _grain = null;
        _states = [];
        if (_mailbox.Count > 0)
        {
            // Ticks queued for the old activation's timers die with it; they must not wake a new one.
            foreach (var request in _mailbox.TakeAllPending())
            {
                if (request is not TimerTickRequest)
                {
                    _mailbox.Enqueue(request);
                }
            }
        }

        if (_mailbox.Count > 0 && _deactivated is null)
        {
            // Calls that arrived during deactivation go to a fresh activation of the same grain.
            _status = ActivationStatus.Inactive;
            return;
        }

        if (_mailbox.Count > 0)
        {
            failed = _mailbox.TakeAllPending();
            failure = new InvalidOperationException($"Grain {GrainId} was deactivated because the silo is shutting down.");
        }

        DieLocked();
    }

    private void DieLocked()
    {
        // Not expected (a snapshot request is served before deactivation), but a flush must never wait for the dead.
        FlushSlice.SignalAll(_snapshot);
        _snapshot = null;
        _status = ActivationStatus.Dead;
        _runtime.RemoveActivation(this);
        _deactivated?.TrySetResult();
    }

    /// <summary>
    /// Releases the caller of a finished turn. A caller that is not a grain continues on the releasing thread, so on the
    /// urgent lane its release goes to the pool: an HTTP handler serializing alerts must not hold up the next alert.
    /// </summary>
    private void Release(GrainRequest request)
    {
        if (request.Parent is null && Class.IsUrgent && _runtime.IsOnUrgentLane)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static r => r.ReleaseToCaller(), request, preferLocal: false);
        }
        else
        {
            request.ReleaseToCaller();
        }
    }

    private void FailAll(List<GrainRequest>? requests, Exception? failure)
    {
        if (requests is null)
        {
            return;
        }

        if (Class.IsUrgent && _runtime.IsOnUrgentLane)
        {
            // Failing a call releases its caller here, as above.
            ThreadPool.UnsafeQueueUserWorkItem(static s => FailAllNow(s.requests, s.failure), (requests, failure), preferLocal: false);
            return;
        }

        FailAllNow(requests, failure);
    }

    private static void FailAllNow(List<GrainRequest> requests, Exception? failure)
    {
        foreach (var request in requests)
        {
            request.FailNow(failure!);
        }
    }

    private async Task ActivateAsync()
    {
        var (grain, states) = Class.Create(_runtime.Services, this, _runtime.StateSerializerOptions);
        grain.Attach(this);
        foreach (var state in states)
        {
            await state.ReadStateAsync();
        }

        lock (this)
        {
            _grain = grain;
            _states = states;
        }

        await grain.OnActivateAsync(CancellationToken.None);
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        try
        {
            if (_grain is { } grain)
            {
                await grain.OnDeactivateAsync(reason, CancellationToken.None);
            }
        }
        catch (Exception exception)
        {
            RuntimeLog.OnDeactivateFailed(_runtime.Logger, exception, GrainId.ToString());
        }

        DisposeTimers();

        // A flush may still be writing an earlier snapshot; a change made since is only seen once it has landed,
        // so wait for it before taking the final snapshot (otherwise that change would die with the activation).
        foreach (var slot in _states)
        {
            await slot.InFlightWrite;
        }

        var writes = SnapshotDirtyStates();
        if (writes is null)
        {
            return;
        }

        var failedCount = await _runtime.StateWriter.SubmitAsync(writes);
        if (failedCount > 0)
        {
            throw new GrainStorageException($"{failedCount} of {writes.Count} dirty states of grain {GrainId} could not be written; the activation stays active and they are retried.");
        }
    }

    private void RunSnapshot(object slices)
    {
        var writes = SnapshotDirtyStates();
        if (writes is null)
        {
            FlushSlice.SignalAll(slices);
            return;
        }

        _runtime.StateWriter.Submit(writes, slices);
    }

    private List<PendingStateWrite>? SnapshotDirtyStates()
    {
        List<PendingStateWrite>? writes = null;
        foreach (var state in _states)
        {
            try
            {
                if (state.TakeSnapshot() is { } write)
                {
                    (writes ??= []).Add(write);
                }
            }
            catch (Exception exception)
            {
                RuntimeLog.SnapshotFailed(_runtime.Logger, exception, GrainId.ToString(), state.StateName);
                _runtime.Metrics.StorageFailures.Add(1, new KeyValuePair<string, object?>("operation", "serialize"));
            }
        }

        return writes;
    }

    private void DisposeTimers()
    {
        GrainTimer[] timers;
        lock (this)
        {
            if (_timers is not { Count: > 0 })
            {
                return;
            }

            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    public override string ToString() => "Activation " + GrainId;

    private enum WorkKind
    {
        None,
        Turn,
        Continuation,
        Snapshot,
        Yield,
        Recheck,
    }

    private readonly record struct Continuation(GrainRequest Request, SendOrPostCallback Callback, object? State);

    private readonly record struct Work(WorkKind Kind, GrainRequest? Request = null, Continuation Continuation = default, object? Snapshot = null);
}
