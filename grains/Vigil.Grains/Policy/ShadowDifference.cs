using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Policy;

/// <summary>
/// One (room, category) where the active and the candidate policy disagree: a severity is null where that policy
/// would raise no alert.
/// </summary>
public sealed record ShadowDifference(
    string RoomId,
    Region Region,
    Category Category,
    Severity? ActiveSeverity,
    Severity? CandidateSeverity,
    double ActiveRisk,
    double CandidateRisk);
