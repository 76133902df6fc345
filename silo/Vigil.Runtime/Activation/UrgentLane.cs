namespace Vigil.Runtime.Activation;

/// <summary>
/// One dedicated thread that runs the activations of <see cref="Grains.UrgentAttribute"/> grain classes in the order
/// they were scheduled. The thread sleeps while there is nothing to run, and a thread the kernel wakes from sleep is
/// scheduled ahead of ones that have been running, so an urgent turn starts within the kernel's wake-up time rather
/// than after the pool's queue. Work scheduled once <see cref="Dispose"/> has begun goes to the thread pool instead.
/// </summary>
internal sealed class UrgentLane : IDisposable
{
    /// <summary>How long <see cref="Dispose"/> waits for a turn still running on the lane before it stops waiting.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly System.Collections.Concurrent.ConcurrentQueue<IThreadPoolWorkItem> _queue = new();
    private readonly SemaphoreSlim _ready = new(0);
    private readonly Lock _gate = new();
    private readonly Thread _thread;
    private bool _stopping;

    public UrgentLane()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "vigil-urgent" };
        _thread.Start();
    }

    /// <summary>Whether the calling thread is the lane's.</summary>
    public bool IsCurrentThread => Thread.CurrentThread == _thread;

    public void Schedule(IThreadPoolWorkItem work)
    {
        lock (_gate)
        {
            // Checked and queued under one lock with Dispose's flag, so nothing is queued after the lane's last look.
            if (!_stopping)
            {
                _queue.Enqueue(work);
                _ready.Release();
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
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

        _ready.Release();
        if (!IsCurrentThread)
        {
            _thread.Join(StopTimeout);
        }

        // What the lane did not get to (its thread stuck in a turn, or this is that thread) still runs, on the pool.
        while (_queue.TryDequeue(out var work))
        {
            ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
        }
    }

    private void Run()
    {
        while (true)
        {
            _ready.Wait();
            if (_queue.TryDequeue(out var work))
            {
                // As on a pool thread: an exception escaping an activation's run loop is a bug, and ends the process.
                work.Execute();
            }
            else if (Volatile.Read(ref _stopping))
            {
                return;
            }
        }
    }
}
