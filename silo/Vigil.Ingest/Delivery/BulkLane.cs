using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Vigil.Ingest.Delivery;

/// <summary>
/// Threads of their own, at a lower OS priority, for the bulk of ingest: the turns of a request's calm rooms (no
/// safety signal), which are most of ingest's CPU. In the thread pool they were work items like any other, and under
/// load every new request, grain reply and alert waited in the pool's queue behind them; a trace of slow alerts at
/// 80 % load found those waits in every stage. Here the kernel gives the lane's threads only the CPU that nothing else
/// of the process wants at that moment, and all of it when nothing does, so throughput stays while requests, safety
/// signals and the alert path go first. Work runs in the order it was handed over.
/// </summary>
/// <remarks>
/// On Linux each lane thread lowers its own nice value to <see cref="Nice"/> (a thread's nice value is its own there,
/// and raising it needs no privilege); elsewhere it asks for <see cref="ThreadPriority.BelowNormal"/>. Work handed
/// over once <see cref="Dispose"/> has begun runs on the thread pool instead, as does work still queued then.
/// </remarks>
public sealed class BulkLane : IDisposable
{
    /// <summary>The lane threads' nice value on Linux: weight 110 against the default 1,024, so about a tenth of a core when a normal thread wants it.</summary>
    public const int Nice = 10;

    private const int PrioProcess = 0;

    private readonly ConcurrentQueue<(Action Work, TaskCompletionSource Done)> _queue = new();
    private readonly SemaphoreSlim _ready = new(0);
    private readonly Lock _gate = new();
    private readonly Thread[] _threads;
    private bool _stopping;

    /// <param name="threads">How many lane threads; the silo uses one per core.</param>
    public BulkLane(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _threads = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            _threads[i] = new Thread(Run) { IsBackground = true, Name = $"vigil-bulk-{i}" };
            _threads[i].Start();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a lane thread; the task completes when it has run, or fails with its exception.</summary>
    public Task Run(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            // Checked and queued under one lock with Dispose's flag, so nothing is queued after the lane's last look.
            if (!_stopping)
            {
                _queue.Enqueue((work, done));
                _ready.Release();
                return done.Task;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(_ => Execute(work, done), null);
        return done.Task;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
        }

        _ready.Release(_threads.Length);
        while (_queue.TryDequeue(out var item))
        {
            var (work, done) = item;
            ThreadPool.UnsafeQueueUserWorkItem(_ => Execute(work, done), null);
        }
    }

    private void Run()
    {
        LowerThisThreadsPriority();
        while (true)
        {
            _ready.Wait();
            if (_queue.TryDequeue(out var item))
            {
                Execute(item.Work, item.Done);
            }
            else if (Volatile.Read(ref _stopping))
            {
                return;
            }
        }
    }

    private static void LowerThisThreadsPriority()
    {
        if (OperatingSystem.IsLinux())
        {
            // Best effort: should the call fail, the lane still works, at normal priority.
            _ = SetPriority(PrioProcess, 0, Nice);
        }
        else
        {
            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        }
    }

    private static void Execute(Action work, TaskCompletionSource done)
    {
        try
        {
            work();
            done.SetResult();
        }
        catch (Exception exception)
        {
            done.SetException(exception);
        }
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int prio);
}
