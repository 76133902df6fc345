using Vigil.Runtime.Grains;
using Vigil.Runtime.Timers;

namespace Vigil.Runtime.Tests.Runtime.Grains;

public sealed class TickerGrain : Grain, ITickerGrain
{
    private IGrainTimer? _timer;
    private int _ticks;

    public Task Start(TimeSpan dueTime, TimeSpan period, bool keepAlive, bool holdTicks)
    {
        var probe = TickerProbe.For(GetPrimaryKeyString());
        _timer = RegisterGrainTimer(
            async ct =>
            {
                _ticks++;
                await probe.OnTick(holdTicks, ct);
            },
            new GrainTimerCreationOptions(dueTime, period, KeepAlive: keepAlive));
        return Task.CompletedTask;
    }

    public Task<int> Ticks() => Task.FromResult(_ticks);

    public Task StopTimer()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }
}
