using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Policy;

namespace Vigil.Grains.Shadow;

/// <summary>
/// Runs the candidate policy beside the active one on live traffic: rooms hand it their evidence, it counts how many
/// alerts each policy would raise and where they differ, and raises nothing. A new active or candidate policy starts
/// a fresh comparison.
/// </summary>
public sealed class ShadowMonitor
{
    private readonly PolicyStore _policies;
    private ShadowComparison? _current;

    public ShadowMonitor(PolicyStore policies)
    {
        _policies = policies;
        policies.Changed += (_, _) => Reset();
        policies.CandidateChanged += (_, _) => Reset();
        Reset();
    }

    public bool Active => Volatile.Read(ref _current) is not null;

    public ShadowReport? Report() => Volatile.Read(ref _current)?.Snapshot();

    public void Observe(string roomId, Region region, Category category, in CategoryEvidence evidence, DateTimeOffset now) =>
        Volatile.Read(ref _current)?.Observe(roomId, region, category, evidence, now);

    private void Reset() =>
        Volatile.Write(ref _current, _policies.Candidate is { } candidate ? new ShadowComparison(_policies.Active, candidate) : null);
}
