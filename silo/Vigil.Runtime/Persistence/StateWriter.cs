using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Vigil.Runtime.Diagnostics;

namespace Vigil.Runtime.Persistence;

/// <summary>
/// The single writer behind write-behind: it takes whatever groups of dirty states are waiting and writes them in
/// one storage batch (one SQLite transaction), so a flush of many activations or a mass deactivation at shutdown
/// costs a few transactions rather than one per grain. A failed item stays dirty and is retried by the next flush.
/// </summary>
/// <remarks>
/// The writer runs on a thread of its own rather than the thread pool's. SQLite works synchronously: a batch of a few
/// thousand live rooms holds its thread for tens of milliseconds (more while the disk syncs a checkpoint), and on a
/// 2-core silo the pool starts with two threads, the ones that run grain turns and requests; the pool only adds
/// threads after it notices they are blocked.
/// </remarks>
internal sealed partial class StateWriter : IAsyncDisposable
{
    private readonly Channel<StateWriteGroup> _groups = Channel.CreateUnbounded<StateWriteGroup>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IGrainStorage _storage;
    private readonly RuntimeMetrics _metrics;
    private readonly ILogger _logger;
    private readonly int _maxBatchSize;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _submitLock = new();
    private long _submitted;
    private long _completedThrough;
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StateWriter(IGrainStorage storage, RuntimeMetrics metrics, ILogger logger, int maxBatchSize)
    {
        _storage = storage;
        _metrics = metrics;
        _logger = logger;
        _maxBatchSize = maxBatchSize;
        new Thread(Run) { IsBackground = true, Name = "Vigil write-behind" }.Start();
    }

    /// <summary>
    /// Queues <paramref name="items"/> (one activation's snapshots) for the next batch; completes with how many of them
    /// failed (they stay dirty). For writes someone awaits, such as a deactivation's final one.
    /// </summary>
    public Task<int> SubmitAsync(IReadOnlyList<PendingStateWrite> items)
    {
        var completion = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        return Submit(items, slices: null, completion) ? completion.Task
            : Task.FromException<int>(new ObjectDisposedException(nameof(StateWriter), "The state writer has stopped; the states stay dirty."));
    }

    /// <summary>
    /// Queues a write-behind snapshot; <paramref name="slices"/> (see <see cref="FlushSlice.SignalAll"/>) are signaled
    /// when it is written or has failed, with no task per group.
    /// </summary>
    public void Submit(IReadOnlyList<PendingStateWrite> items, object slices)
    {
        if (!Submit(items, slices, completion: null))
        {
            FlushSlice.SignalAll(slices);
        }
    }

    /// <summary>Completes once every group up to <paramref name="sequence"/> is written or has failed.</summary>
    public Task WhenWritten(long sequence) =>
        Volatile.Read(ref _completedThrough) >= sequence ? Task.CompletedTask : WaitForAsync(sequence);

    private bool Submit(IReadOnlyList<PendingStateWrite> items, object? slices, TaskCompletionSource<int>? completion)
    {
        _metrics.AddPendingWrites(items.Count);
        bool queued;
        lock (_submitLock)
        {
            // Numbered and queued under one lock, so the channel holds groups in number order and the writer can
            // publish "everything up to N is done" as one number.
            var group = new StateWriteGroup(items, ++_submitted, slices, completion);
            foreach (var item in items)
            {
                item.Slot.SetInFlight(group.Sequence);
            }

            queued = _groups.Writer.TryWrite(group);
        }

        if (!queued)
        {
            foreach (var item in items)
            {
                item.ReleasePayload();
                item.Slot.OnWriteFailed();
            }

            _metrics.AddPendingWrites(-items.Count);
        }

        return queued;
    }

    private async Task WaitForAsync(long sequence)
    {
        while (true)
        {
            // The batch signal first, then the number: the writer publishes the number before it swaps the signal.
            var progress = Volatile.Read(ref _progress);
            if (Volatile.Read(ref _completedThrough) >= sequence)
            {
                return;
            }

            await progress.Task.ConfigureAwait(false);
        }
    }

    private void Run()
    {
        try
        {
            var batchGroups = new List<StateWriteGroup>();
            var writes = new List<StateWrite>();
            while (Wait(_groups.Reader.WaitToReadAsync()))
            {
                while (writes.Count < _maxBatchSize && _groups.Reader.TryRead(out var group))
                {
                    batchGroups.Add(group);
                    foreach (var item in group.Items)
                    {
                        writes.Add(item.Write);
                    }
                }

                try
                {
                    WriteBatch(batchGroups, writes);
                }
                catch (Exception exception)
                {
                    // WriteBatch finishes every group of the batch whatever fails in it (the storage, a state's
                    // bookkeeping, a waiter, the logger); anything else (a metrics listener) is reported here and the
                    // writer goes on. Were its thread to die instead, every later write would wait for it for good.
                    ReportFault(exception, writes.Count);
                }

                batchGroups.Clear();
                writes.Clear();
            }

            PublishProgress();
            _stopped.TrySetResult();
        }
        catch (Exception exception)
        {
            _stopped.TrySetException(exception);
        }
    }

    /// <summary>Blocks this thread (its own, not the pool's) until <paramref name="pending"/> completes.</summary>
    private static T Wait<T>(ValueTask<T> pending) => pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Writes one batch and finishes every one of its groups, in order, whatever fails: each state is told how its
    /// write went (<see cref="Finish"/> keeps a state's own faults to that state), each group's waiters are released,
    /// and the completed sequence moves past it.
    /// </summary>
    private void WriteBatch(List<StateWriteGroup> groups, List<StateWrite> writes)
    {
        StateWriteResult[]? results = null;
        try
        {
            results = Wait(_storage.WriteBatchAsync(writes));
            if (results.Length != writes.Count)
            {
                // Matching results to writes by position would be wrong, and reading past the end would kill this
                // thread, leaving every state in flight for good: the batch counts as failed and is retried.
                throw new GrainStorageException($"The storage answered a batch of {writes.Count} writes with {results.Length} results.");
            }
        }
        catch (Exception exception)
        {
            results = null;
            Quietly(() => LogBatchFailed(_logger, exception, writes.Count));
        }

        int index = 0, failed = 0;
        foreach (var group in groups)
        {
            foreach (var item in group.Items)
            {
                // The storage has answered (or failed) for the whole batch and keeps no payload: the arrays go back.
                item.ReleasePayload();
                if (!Finish(item, results?[index++]))
                {
                    failed++;
                    group.RecordFailure();
                }
            }

            try
            {
                group.Complete();
            }
            catch (Exception exception)
            {
                ReportFault(exception, group.Items.Count);
            }

            Volatile.Write(ref _completedThrough, group.Sequence);
        }

        PublishProgress();
        _metrics.AddPendingWrites(-writes.Count);
        _metrics.FlushedStates.Add(writes.Count - failed);
        if (failed > 0)
        {
            _metrics.StorageFailures.Add(failed, new KeyValuePair<string, object?>("operation", "flush"));
        }
    }

    /// <summary>
    /// Tells the item's state how its write went; false when it failed. A state whose own bookkeeping throws counts
    /// as failed (it stays dirty and is written again), and the rest of its group and batch are still finished.
    /// </summary>
    private bool Finish(PendingStateWrite item, StateWriteResult? result)
    {
        try
        {
            if (result is { Succeeded: true, NewEtag: { } etag })
            {
                item.Slot.OnWritten(item.Version, etag);
                return true;
            }

            if (result is { Error: { } error })
            {
                LogItemFailed(_logger, error, item.Write.GrainId.ToString(), item.Write.StateName);
            }

            item.Slot.OnWriteFailed();
        }
        catch (Exception exception)
        {
            ReportFault(exception, 1);
            try
            {
                item.Slot.OnWriteFailed();
            }
            catch (Exception second)
            {
                ReportFault(second, 1);
            }
        }

        return false;
    }

    /// <summary>Logs a fault of the writer's own.</summary>
    private void ReportFault(Exception exception, int count) => Quietly(() => LogWriterFault(_logger, exception, count));

    /// <summary>Logs through <paramref name="log"/>; a logger that throws in turn is not allowed to stop the writer.</summary>
    private static void Quietly(Action log)
    {
        try
        {
            log();
        }
        catch (Exception)
        {
            // Nothing left to tell it to; the metrics still count the failed states.
        }
    }

    /// <summary>Wakes whoever waits for a group written by now (<see cref="WhenWritten"/>).</summary>
    private void PublishProgress() =>
        Interlocked.Exchange(ref _progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async ValueTask DisposeAsync()
    {
        _groups.Writer.TryComplete();
        await _stopped.Task.ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Write-behind batch of {Count} states failed; they stay dirty and are retried at the next flush")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Write-behind bookkeeping failed in a batch of {Count} states; every state was told it failed or was written, and the writer goes on")]
    private static partial void LogWriterFault(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Write-behind of state {StateName} of grain {GrainId} failed; it stays dirty and is retried at the next flush")]
    private static partial void LogItemFailed(ILogger logger, Exception exception, string grainId, string stateName);
}
