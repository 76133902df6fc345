using Vigil.Runtime.Grains;
using Vigil.Runtime.Invocation;
using Vigil.Runtime.Tests.Infrastructure;
using Vigil.Runtime.Tests.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime;

public sealed class ActivationTests
{
    [Fact]
    public async Task TenThousandConcurrentCallersSeeOneActivationAndAConsistentCount()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = "crowd-" + Guid.NewGuid();

        var calls = Enumerable.Range(0, 10_000)
            .Select(_ => Task.Run(() => silo.Grain<ICounterGrain>(key).Increment().AsTask()))
            .ToArray();
        var results = await Task.WhenAll(calls).Within("10,000 concurrent increments");

        Assert.Equal(1, CounterGrain.Activations[key]);
        Assert.Equal(Enumerable.Range(1, 10_000), results.Order());
        Assert.Equal(10_000, await silo.Grain<ICounterGrain>(key).Get());
    }

    [Fact]
    public async Task AGrainActivatesOnItsFirstCallOnly()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = "lazy-" + Guid.NewGuid();

        var reference = silo.Grain<ICounterGrain>(key);

        Assert.False(CounterGrain.Activations.ContainsKey(key));
        await reference.Increment();
        Assert.Equal(1, CounterGrain.Activations[key]);
    }

    [Fact]
    public async Task AFailedActivationFailsTheCallAndTheNextCallRetries()
    {
        var storage = new FlakyGrainStorage { FailNextReads = 1 };
        await using var silo = await TestSilo.StartAsync(storage: storage);
        var grain = silo.Grain<IPersistentCounterGrain>("flaky-" + Guid.NewGuid());

        var failure = await Assert.ThrowsAsync<GrainActivationException>(() => grain.Get());

        Assert.Contains("simulated read failure", failure.Message);
        Assert.Contains("persistentcounter/flaky-", failure.Message);
        Assert.Equal(1, await grain.Increment());
    }

    [Fact]
    public async Task AnIdleActivationIsDeactivatedAfterItsIdleTimeout()
    {
        var time = new FakeTimeProvider();
        await using var silo = await TestSilo.StartAsync(time, configure: o =>
        {
            o.DefaultIdleTimeout = TimeSpan.FromMinutes(15);
            o.CollectionInterval = TimeSpan.FromMinutes(1);
        });
        var key = "idle-" + Guid.NewGuid();
        var grain = silo.Grain<IPersistentCounterGrain>(key);
        await grain.Increment();

        time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(1, silo.Runtime.ActivationCount);

        time.Advance(TimeSpan.FromMinutes(2));
        await silo.Runtime.WhenDeactivated(IdOf(grain)).Within("idle deactivation");
        Assert.Equal(1, await grain.Get());
        Assert.Equal(2, PersistentCounterGrain.Activations[key]);
    }

    [Fact]
    public async Task AGrainCanAskToBeDeactivatedAndTheNextCallReactivatesIt()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = "bye-" + Guid.NewGuid();
        var grain = silo.Grain<IPersistentCounterGrain>(key);
        await grain.Increment();

        await grain.Deactivate();
        await silo.Runtime.WhenDeactivated(IdOf(grain)).Within("requested deactivation");

        Assert.Equal(1, await grain.Get());
        Assert.Equal(2, PersistentCounterGrain.Activations[key]);
    }

    [Fact]
    public async Task CallsThatArriveDuringDeactivationAreServedByTheNextActivation()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = "busy-bye-" + Guid.NewGuid();
        var grain = silo.Grain<IPersistentCounterGrain>(key);

        var deactivate = grain.Deactivate();
        var increments = Enumerable.Range(0, 100).Select(_ => grain.Increment()).ToArray();
        await deactivate;
        await Task.WhenAll(increments).Within("increments sent while the grain deactivates");

        Assert.Equal(100, await grain.Get());
    }

    private static GrainId IdOf(object grain) => ((GrainReference)grain).GrainId;
}
