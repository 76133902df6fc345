using Vigil.Runtime.Tests.Infrastructure;
using Vigil.Runtime.Tests.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime;

/// <summary>Grain classes marked <see cref="Vigil.Runtime.Grains.UrgentAttribute"/> run on the runtime's urgent lane, a thread of their own.</summary>
public sealed class UrgentLaneTests
{
    private const string LaneThread = "vigil-urgent";

    [Fact]
    public async Task AnUrgentGrainsTurnsRunOnTheUrgentLaneAndAPlainGrainsDoNot()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = "urgent-" + Guid.NewGuid();

        var urgent = await silo.Grain<IUrgentProbeGrain>(key).ThreadName().Within("the urgent turn");
        var plain = await silo.Grain<IThreadProbeGrain>("plain-" + Guid.NewGuid()).Where().Within("the plain turn");

        Assert.Equal(LaneThread, urgent);
        Assert.NotEqual(UrgentProbeGrain.Threads[key].ManagedThreadId, plain.ThreadId);
    }

    [Fact]
    public async Task AnUrgentTurnThatAwaitsAPlainGrainContinuesOnTheLane()
    {
        await using var silo = await TestSilo.StartAsync();

        var names = await silo.Grain<IUrgentProbeGrain>("await-" + Guid.NewGuid()).ThreadNamesAroundACallTo("plain-" + Guid.NewGuid()).Within("the urgent turn");

        Assert.Equal(new[] { LaneThread, LaneThread }, names.Select(n => n ?? "(none)"));
    }

    [Fact]
    public async Task TurnsOfAnUrgentGrainStillRunOneAtATime()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<IUrgentProbeGrain>("tally-" + Guid.NewGuid());

        var readings = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => Task.Run(grain.Tally))).Within("500 concurrent calls");

        Assert.Equal(500, readings.Max(r => r.Count));
        Assert.DoesNotContain(readings, r => r.OverlapSeen);
    }

    [Fact]
    public async Task TheLanesThreadEndsWithTheRuntime()
    {
        Thread lane;
        var key = "stop-" + Guid.NewGuid();
        await using (var silo = await TestSilo.StartAsync())
        {
            await silo.Grain<IUrgentProbeGrain>(key).ThreadName().Within("the urgent turn");
            lane = UrgentProbeGrain.Threads[key];
            Assert.True(lane.IsAlive);
        }

        // Other tests' silos start lanes of their own, so this test watches the thread it saw, not the name.
        Assert.True(lane.Join(TimeSpan.FromSeconds(10)), "the urgent lane's thread outlived its runtime");
    }
}
