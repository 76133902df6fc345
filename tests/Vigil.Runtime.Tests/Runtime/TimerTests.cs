using Vigil.Runtime.Tests.Infrastructure;
using Vigil.Runtime.Tests.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime;

public sealed class TimerTests
{
    [Fact]
    public async Task ATimerTicksAtItsDueTimeAndThenEveryPeriod()
    {
        var time = new FakeTimeProvider();
        await using var silo = await TestSilo.StartAsync(time);
        var key = "tick-" + Guid.NewGuid();
        var probe = TickerProbe.For(key);
        var grain = silo.Grain<ITickerGrain>(key);
        await grain.Start(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), keepAlive: false, holdTicks: false);

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await grain.Ticks());
        time.Advance(TimeSpan.FromSeconds(1));
        await probe.TickStarted(1).Within("the first tick");
        Assert.Equal(1, await grain.Ticks());
        time.Advance(TimeSpan.FromSeconds(5));
        await probe.TickStarted(2).Within("the second tick");

        Assert.Equal(2, await grain.Ticks());
    }

    [Fact]
    public async Task TicksNeverOverlapAndThePeriodStartsWhenATickEnds()
    {
        var time = new FakeTimeProvider();
        await using var silo = await TestSilo.StartAsync(time);
        var key = "slow-tick-" + Guid.NewGuid();
        var probe = TickerProbe.For(key);
        var grain = silo.Grain<ITickerGrain>(key);
        await grain.Start(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), keepAlive: false, holdTicks: true);
        time.Advance(TimeSpan.FromSeconds(1));
        await probe.TickStarted(1).Within("the first tick");

        // The tick is held for ten periods: no second tick may start meanwhile.
        time.Advance(TimeSpan.FromSeconds(10));
        var held = probe.Release;
        probe.Release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        held.SetResult();
        await grain.Ticks();
        Assert.Equal(1, probe.Started);

        // The period is counted from the end of the first tick, so the second comes one period after the release.
        time.Advance(TimeSpan.FromSeconds(1));
        await probe.TickStarted(2).Within("the second tick");
        probe.Release.SetResult();

        Assert.False(probe.OverlapSeen);
    }

    [Fact]
    public async Task ADisposedTimerStopsTicking()
    {
        var time = new FakeTimeProvider();
        await using var silo = await TestSilo.StartAsync(time);
        var key = "stop-" + Guid.NewGuid();
        var grain = silo.Grain<ITickerGrain>(key);
        await grain.Start(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), keepAlive: false, holdTicks: false);
        time.Advance(TimeSpan.FromSeconds(1));
        await TickerProbe.For(key).TickStarted(1).Within("the first tick");

        await grain.StopTimer();
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, await grain.Ticks());
    }

    [Fact]
    public async Task DeactivationCancelsATimerAndATimerWithoutKeepAliveDoesNotPreventIt()
    {
        var time = new FakeTimeProvider();
        await using var silo = await TestSilo.StartAsync(time, configure: o => o.DefaultIdleTimeout = TimeSpan.FromMinutes(2));
        var key = "idle-tick-" + Guid.NewGuid();
        var probe = TickerProbe.For(key);
        var grain = silo.Grain<ITickerGrain>(key);
        await grain.Start(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), keepAlive: false, holdTicks: false);

        time.Advance(TimeSpan.FromMinutes(3));
        await silo.Runtime.WhenDeactivated(IdOf(grain)).Within("idle deactivation despite the timer");
        var ticksBefore = probe.Started;
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(ticksBefore, probe.Started);
        Assert.Equal(0, await grain.Ticks());
    }

    [Fact]
    public async Task AKeepAliveTimerKeepsItsActivationFromIdleCollection()
    {
        var time = new FakeTimeProvider();
        await using var silo = await TestSilo.StartAsync(time, configure: o => o.DefaultIdleTimeout = TimeSpan.FromMinutes(2));
        var key = "alive-tick-" + Guid.NewGuid();
        var probe = TickerProbe.For(key);
        var grain = silo.Grain<ITickerGrain>(key);
        await grain.Start(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), keepAlive: true, holdTicks: false);

        // No calls in the loop: only the timer's ticks may keep the activation alive for these ten minutes.
        for (var i = 1; i <= 20; i++)
        {
            var rearmed = time.WhenATimerIsRearmed();
            time.Advance(TimeSpan.FromSeconds(30));
            await probe.TickStarted(i).Within($"tick {i}");
            await rearmed.Within($"the timer re-armed after tick {i}");
        }

        Assert.Equal(1, silo.Runtime.ActivationCount);
        Assert.Equal(20, await grain.Ticks());
    }

    private static Vigil.Runtime.Grains.GrainId IdOf(object grain) => ((Vigil.Runtime.Invocation.GrainReference)grain).GrainId;
}
