using Vigil.Runtime.Invocation;
using Vigil.Runtime.Tests.Infrastructure;
using Vigil.Runtime.Tests.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime;

public sealed class InterleavingTests
{
    [Fact]
    public async Task ReadOnlyCallsOverlap()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = "ro-" + Guid.NewGuid();
        var probe = GateProbe.For(key);
        probe.ExpectedInside = 3;
        var grain = silo.Grain<IGateGrain>(key);

        var reads = new[] { grain.Read(), grain.Read(), grain.Read() };
        await probe.AllInside.Task.Within("three read-only calls inside the grain at once");
        probe.Gate.SetResult();
        await Task.WhenAll(reads);

        Assert.Equal(3, probe.MaxInside);
    }

    [Fact]
    public async Task WritesDoNotOverlapEachOtherOrReads()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = "rw-" + Guid.NewGuid();
        var probe = GateProbe.For(key);
        var grain = silo.Grain<IGateGrain>(key);

        var first = grain.Write();
        await probe.FirstInside.Task.Within("the first write to start");
        var later = new[] { grain.Write(), grain.Read(), grain.Write() };
        await Task.Yield();
        probe.Gate.SetResult();
        await Task.WhenAll(later.Append(first)).Within("all calls to finish");

        Assert.False(probe.OverlapSeen);
        Assert.Equal(1, probe.MaxInside);
    }

    [Fact]
    public async Task AReentrantGrainInterleavesEveryCall()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = "re-" + Guid.NewGuid();
        var probe = GateProbe.For("reentrant/" + key);
        probe.ExpectedInside = 2;
        var grain = silo.Grain<IReentrantGateGrain>(key);

        var writes = new[] { grain.Write(), grain.Write() };
        await probe.AllInside.Task.Within("two writes inside a reentrant grain at once");
        probe.Gate.SetResult();
        await Task.WhenAll(writes);

        Assert.Equal(2, probe.MaxInside);
    }

    [Fact]
    public async Task ACallChainBackIntoABusyGrainFailsAtOnceNamingTheChain()
    {
        await using var silo = await TestSilo.StartAsync();
        var a = "a-" + Guid.NewGuid();
        var b = "b-" + Guid.NewGuid();

        var failure = await Assert.ThrowsAsync<DeadlockException>(
            () => silo.Grain<IChainGrain>(a).CallPeer(b).Within("the chain to fail"));

        Assert.Equal($"chain/{a} -> chain/{b} -> chain/{a}", failure.Chain);
        Assert.Contains(failure.Chain, failure.Message);
    }

    [Fact]
    public async Task ACallChainBackIntoAnAlwaysInterleaveMethodIsAllowed()
    {
        await using var silo = await TestSilo.StartAsync();
        var a = "a-" + Guid.NewGuid();
        var b = "b-" + Guid.NewGuid();

        var answer = await silo.Grain<IChainGrain>(a).CallPeerInterleaved(b).Within("the interleaved chain");

        Assert.Equal($"{b} heard pong from {a}", answer);
    }

    [Fact]
    public async Task TheSameGrainCalledAgainAfterAChainCompletesIsNotADeadlock()
    {
        await using var silo = await TestSilo.StartAsync();
        var a = silo.Grain<IChainGrain>("a-" + Guid.NewGuid());

        await a.CallPeerInterleaved("b-" + Guid.NewGuid());

        Assert.StartsWith("pong", await a.Ping());
    }
}
