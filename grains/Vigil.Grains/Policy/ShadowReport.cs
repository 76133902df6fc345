namespace Vigil.Grains.Policy;

/// <summary>
/// What a shadow run has seen so far: alerts counted once per (room, category), the ones only one policy would
/// raise, the ones both raise at a different severity, and examples of the differences.
/// </summary>
public sealed record ShadowReport(
    int ActiveVersion,
    int CandidateVersion,
    long Observations,
    int ActiveAlerts,
    int CandidateAlerts,
    int OnlyActive,
    int OnlyCandidate,
    int SeverityDiffers,
    IReadOnlyList<ShadowDifference> Examples);
