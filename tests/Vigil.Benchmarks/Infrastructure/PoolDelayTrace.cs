using System.Diagnostics;

namespace Vigil.Benchmarks.Infrastructure;

/// <summary>
/// With <c>--gc-trace</c>: a thread of its own queues a work item to the thread pool every 10 ms and logs when one
/// waited over 40 ms to start, with the pool's thread count and backlog; stalls that are not collections (a starved
/// pool, a long synchronous turn) show up here rather than in the GC lines.
/// </summary>
internal sealed class PoolDelayTrace : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stopped;

    public PoolDelayTrace()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "pool delay trace" };
        _thread.Start();
    }

    public void Dispose() => _stopped = true;

    private void Run()
    {
        using var started = new ManualResetEventSlim();
        while (!_stopped)
        {
            started.Reset();
            var queuedAt = Stopwatch.GetTimestamp();
            var wall = DateTime.UtcNow;
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Set(), started, preferLocal: false);
            started.Wait();
            var waited = Stopwatch.GetElapsedTime(queuedAt).TotalMilliseconds;
            if (waited > 40)
            {
                BenchmarkReport.Log($"  pool: a work item queued at {wall:HH:mm:ss.fff} waited {waited:0} ms to start ({ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} queued)");
            }

            Thread.Sleep(10);
        }
    }
}
