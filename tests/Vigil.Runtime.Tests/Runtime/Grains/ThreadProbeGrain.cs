using System.Collections.Concurrent;
using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

public sealed class ThreadProbeGrain : Grain, IThreadProbeGrain
{
    private readonly TurnTally _tally = new();

    /// <summary>An async-local a test sets on the sending thread, to see whether grain code sees it.</summary>
    public static AsyncLocal<string?> Ambient { get; } = new();

    /// <summary>Set by a test to let <see cref="BlockUntilReleased"/> return, per grain key.</summary>
    public static ConcurrentDictionary<string, ManualResetEventSlim> Unblock { get; } = new();

    /// <summary>Set by <see cref="BlockUntilReleased"/> once it blocks, per grain key.</summary>
    public static ConcurrentDictionary<string, ManualResetEventSlim> Blocked { get; } = new();

    public Task BlockUntilReleased()
    {
        Blocked.GetOrAdd(GetPrimaryKeyString(), _ => new ManualResetEventSlim()).Set();
        if (!Unblock.GetOrAdd(GetPrimaryKeyString(), _ => new ManualResetEventSlim()).Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("The test never released the blocked turn.");
        }

        return Task.CompletedTask;
    }

    public Task<TurnSighting> Where() => Task.FromResult(Sighting());

    public Task LeaveAmbient(string value)
    {
        Ambient.Value = value;
        return Task.CompletedTask;
    }

    public async Task<TurnSighting[]> WhereWithPeer(string peer)
    {
        var mine = Sighting();
        var theirs = await GrainFactory.GetGrain<IThreadProbeGrain>(peer).Where();
        return [mine, theirs];
    }

    public Task<TallyReading> Tally() => Task.FromResult(_tally.Count());

    private static TurnSighting Sighting() => new(Environment.CurrentManagedThreadId, Ambient.Value);
}
