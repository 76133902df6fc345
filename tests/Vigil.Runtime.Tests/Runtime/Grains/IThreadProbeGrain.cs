using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>Says on which thread, and with what ambient context, its turns run: for tests of where a turn is executed.</summary>
public interface IThreadProbeGrain : IGrainWithStringKey
{
    Task<TurnSighting> Where();

    /// <summary>Blocks its thread until the test sets <see cref="ThreadProbeGrain.Unblock"/>, then counts as done: a turn that completes synchronously, late.</summary>
    Task BlockUntilReleased();

    /// <summary>Sets <see cref="ThreadProbeGrain.Ambient"/> in the turn and leaves it set.</summary>
    Task LeaveAmbient(string value);

    /// <summary>Where this turn ran, then where the turn of <paramref name="peer"/> it called ran.</summary>
    Task<TurnSighting[]> WhereWithPeer(string peer);

    /// <summary>Counts a call, noting whether another turn of this grain was running meanwhile.</summary>
    Task<TallyReading> Tally();
}
