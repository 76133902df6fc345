namespace Vigil.Grains.Policy;

/// <summary>
/// A policy switch in <see cref="PolicyStore"/>. For <see cref="PolicyStore.Changed"/> <see cref="Current"/> is the
/// new active policy; for <see cref="PolicyStore.CandidateChanged"/> it is the new candidate, or null when the
/// candidate was cleared or promoted.
/// </summary>
public sealed class PolicyChangedEventArgs(CompiledPolicy? previous, CompiledPolicy? current, PolicyHistoryEntry? entry) : EventArgs
{
    public CompiledPolicy? Previous { get; } = previous;

    public CompiledPolicy? Current { get; } = current;

    /// <summary>The history entry of <see cref="Current"/>; null when the candidate was cleared.</summary>
    public PolicyHistoryEntry? Entry { get; } = entry;
}
