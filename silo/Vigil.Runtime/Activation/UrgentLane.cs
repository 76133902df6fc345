namespace Vigil.Runtime.Activation;

/// <summary>
/// One dedicated thread that runs the activations of <see cref="Grains.UrgentAttribute"/> grain classes in the order
/// they were scheduled. The thread sleeps while there is nothing to run, and a thread the kernel wakes from sleep is
/// scheduled ahead of ones that have been running, so an urgent turn starts within the kernel's wake-up time rather
/// than after the pool's queue. Work scheduled after <see cref="Dispose"/> goes to the thread pool instead.
/// </summary>
internal sealed class UrgentLane : IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<IThreadPoolWorkItem> _queue = new();
    private readonly SemaphoreSlim _ready = new(0);
    private readonly Thread _thread;
    private volatile bool _stopping;

    public UrgentLane()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "vigil-urgent" };
        _thread.Start();
    }

    public void Schedule(IThreadPoolWorkItem work)
    {
        if (_stopping)
        {
            ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
            return;
        }

        _queue.Enqueue(work);
        _ready.Release();
    }

    public void Dispose()
    {
        _stopping = true;
        _ready.Release();
        _thread.Join();

        // Work scheduled while the lane stopped still runs, on the pool.
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
            else if (_stopping)
            {
                return;
            }
        }
    }
}
