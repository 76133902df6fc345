using System.Diagnostics;

namespace Vigil.Benchmarks.Infrastructure;

/// <summary>
/// A thread that sleeps 1 ms at a time and records each time it woke more than <see cref="ThresholdMs"/> late: how
/// long the machine kept a runnable thread from a core. Run in a process with nothing else to do (the benchmark's
/// parent while its child measures), it sees no collector's pauses, only how long a thread waits for a core: the
/// operating system's and the virtual machine's stalls, and at high load the other processes' threads (the silo's
/// and the load client's) that hold both cores. It counts over the whole run, not only the measured windows.
/// </summary>
internal sealed class StallProbe : IDisposable
{
    public const double ThresholdMs = 10;

    private readonly Thread _thread;
    private readonly List<double> _stalls = [];
    private readonly long _started = Stopwatch.GetTimestamp();
    private volatile bool _stopped;
    private long _ended;

    public StallProbe()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "stall-probe", Priority = ThreadPriority.Highest };
        _thread.Start();
    }

    /// <summary>Stalls over the threshold per minute of the probe's life, and the longest, in ms.</summary>
    public (double PerMinute, double MaxMs, int Count) Summary()
    {
        lock (_stalls)
        {
            var minutes = Stopwatch.GetElapsedTime(_started, _ended == 0 ? Stopwatch.GetTimestamp() : _ended).TotalMinutes;
            return (_stalls.Count / Math.Max(minutes, 1e-9), _stalls.Count == 0 ? 0 : _stalls.Max(), _stalls.Count);
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
        _ended = Stopwatch.GetTimestamp();
    }

    private void Run()
    {
        var before = Stopwatch.GetTimestamp();
        while (!_stopped)
        {
            Thread.Sleep(1);
            var now = Stopwatch.GetTimestamp();
            var late = Stopwatch.GetElapsedTime(before, now).TotalMilliseconds - 1;
            if (late > ThresholdMs)
            {
                lock (_stalls)
                {
                    _stalls.Add(late);
                }
            }

            before = now;
        }
    }
}
