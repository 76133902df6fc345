using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Timers;

/// <summary>
/// A timer bound to an activation. The underlying timer is one-shot: it is re-armed only after a tick's callback has
/// completed, so ticks never overlap and the period runs from the end of one tick to the start of the next.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ITimerHost _host;
    private readonly Func<object?, CancellationToken, Task> _callback;
    private readonly object? _state;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly ITimer _timer;
    private TimeSpan _period;
    private volatile bool _disposed;

    public GrainTimer(ITimerHost host, Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DueTime, TimeSpan.Zero, nameof(options.DueTime));
        if (options.Period <= TimeSpan.Zero && options.Period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Period, "A grain timer's period must be positive or Timeout.InfiniteTimeSpan.");
        }

        _host = host;
        _callback = callback;
        _state = state;
        Options = options;
        _period = options.Period;
        _timer = host.TimeProvider.CreateTimer(static s => ((GrainTimer)s!).OnDue(), this, options.DueTime, Timeout.InfiniteTimeSpan);
    }

    public GrainTimerCreationOptions Options { get; }

    public GrainId GrainId => _host.GrainId;

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _period = period;
        _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    internal async Task TickAsync()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            await _callback(_state, _cancellation.Token);
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            // Deactivation cancelled the tick: nothing to report.
        }
        catch (Exception exception)
        {
            _host.OnTimerCallbackFailed(exception);
        }
        finally
        {
            if (!_disposed && _period != Timeout.InfiniteTimeSpan)
            {
                _timer.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void OnDue()
    {
        if (!_disposed)
        {
            _host.EnqueueTimerTick(new TimerTickRequest(this));
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _cancellation.Cancel();
        _timer.Dispose();
        _host.RemoveTimer(this);
    }
}
