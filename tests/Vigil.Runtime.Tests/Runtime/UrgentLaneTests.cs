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
    public async Task ACallerThatIsNotAGrainContinuesOffTheLane()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<IUrgentProbeGrain>("caller-" + Guid.NewGuid());

        // No synchronization context here, as in an HTTP handler: the code after the await runs where the caller is released.
        var (turn, after) = await Task.Run(async () =>
        {
            var name = await grain.ThreadName();
            return (name, Thread.CurrentThread.Name);
        }).Within("the urgent call");

        Assert.Equal(LaneThread, turn);
        Assert.NotEqual(LaneThread, after);
    }

    [Fact]
    public async Task TurnsOfAnUrgentGrainStillRunOneAtATimeWhenSendersAlsoRunTurnsInline()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<IUrgentProbeGrain>("tally-" + Guid.NewGuid());

        // Half the calls come from senders inside a caller-runs scope, which may claim the idle grain and run its
        // turn on their own thread while the lane has it queued: still one turn at a time.
        var readings = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(() =>
        {
            if (i % 2 == 0)
            {
                return grain.Tally();
            }

            using (Vigil.Runtime.Invocation.CallerRunsScope.Open())
            {
                return grain.Tally();
            }
        }))).Within("400 concurrent calls");

        Assert.Equal(400, readings.Max(r => r.Count));
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
