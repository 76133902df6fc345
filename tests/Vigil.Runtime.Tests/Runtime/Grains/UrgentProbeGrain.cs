using System.Collections.Concurrent;
using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

[Urgent]
public sealed class UrgentProbeGrain : Grain, IUrgentProbeGrain
{
    private readonly TurnTally _tally = new();

    /// <summary>The thread of each grain's latest <see cref="ThreadName"/> turn, by key, so a test can watch that thread.</summary>
    public static ConcurrentDictionary<string, Thread> Threads { get; } = new();

    public Task<string?> ThreadName()
    {
        Threads[GetPrimaryKeyString()] = Thread.CurrentThread;
        return Task.FromResult(Thread.CurrentThread.Name);
    }

    public async Task<string?[]> ThreadNamesAroundACallTo(string plainGrain)
    {
        var before = Thread.CurrentThread.Name;
        await GrainFactory.GetGrain<IThreadProbeGrain>(plainGrain).Where();
        return [before, Thread.CurrentThread.Name];
    }

    public Task<TallyReading> Tally() => Task.FromResult(_tally.Count());
}
