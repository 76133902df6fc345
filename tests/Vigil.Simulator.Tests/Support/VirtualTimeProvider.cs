namespace Vigil.Simulator.Tests.Support;

/// <summary>
/// A clock that never makes anyone wait: a timer due in d moves the clock forward by d and fires at once (on the
/// thread pool). Code that paces itself with Task.Delay(..., timeProvider) runs at full speed while seeing exactly the
/// times it asked for. Suits code with one waiter at a time, as the simulator's sender is.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly Lock gate = new();
    private DateTimeOffset now;

    public VirtualTimeProvider(DateTimeOffset start) => now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Advance(dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
