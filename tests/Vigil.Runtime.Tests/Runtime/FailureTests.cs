using Vigil.Runtime.Invocation;
using Vigil.Runtime.Tests.Infrastructure;
using Vigil.Runtime.Tests.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime;

public sealed class FailureTests
{
    [Fact]
    public async Task AnExceptionThrownInAGrainReachesTheCallerUnchanged()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<ISlowGrain>("thrower-" + Guid.NewGuid());

        var caught = await Assert.ThrowsAsync<GrainLogicException>(() => grain.Fail("room r-9 has no broadcaster"));

        Assert.Same(SlowGrain.LastThrown, caught);
        Assert.Equal("room r-9 has no broadcaster", caught.Message);
    }

    [Fact]
    public async Task AnExceptionThrownBeforeAnyAwaitReachesTheCaller()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<ISlowGrain>("sync-thrower-" + Guid.NewGuid());

        var caught = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.FailSynchronously().AsTask());

        Assert.Equal("amount", caught.ParamName);
    }

    [Fact]
    public async Task ACallWithoutAnAnswerTimesOutNamingTheGrainAndTheMethod()
    {
        var time = new FakeTimeProvider();
        await using var silo = await TestSilo.StartAsync(time);
        var key = "hang-" + Guid.NewGuid();
        var call = silo.Grain<ISlowGrain>(key).Hang();

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        var failure = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call.Within("the timeout"));

        Assert.Contains("ISlowGrain.Hang", failure.Message);
        Assert.Contains("slow/" + key, failure.Message);
        Assert.Contains("00:00:30", failure.Message);
    }

    [Fact]
    public async Task AMethodsOwnResponseTimeoutOverridesTheDefault()
    {
        var time = new FakeTimeProvider();
        await using var silo = await TestSilo.StartAsync(time);
        var call = silo.Grain<ISlowGrain>("brief-" + Guid.NewGuid()).HangBriefly();

        time.Advance(TimeSpan.FromSeconds(3));

        var failure = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call.Within("the short timeout"));
        Assert.Contains("00:00:02", failure.Message);
    }

    [Fact]
    public async Task ACallQueuedBehindAHungCallTimesOutToo()
    {
        var time = new FakeTimeProvider();
        await using var silo = await TestSilo.StartAsync(time);
        var grain = silo.Grain<ISlowGrain>("queue-" + Guid.NewGuid());
        _ = grain.HangBriefly();
        var queued = grain.Fail("never runs");

        time.Advance(TimeSpan.FromSeconds(31));

        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => queued.Within("the queued call's timeout"));
    }
}
