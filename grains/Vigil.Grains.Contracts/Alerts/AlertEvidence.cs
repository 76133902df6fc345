using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Reasons;

namespace Vigil.Grains.Contracts.Alerts;

/// <summary>
/// What a room tells its region's alert center when a category's risk reaches the alert threshold, with the room's
/// viewers and title at that moment for the alert tile (the title is attacker-controlled text: data, never markup).
/// </summary>
public sealed record AlertEvidence(
    string RoomId,
    string BroadcasterId,
    Region Region,
    Category Category,
    Severity Severity,
    double Risk,
    double PeakScore,
    int EvidenceCount,
    IReadOnlyList<string> Reasons,
    DateTimeOffset ObservedAt,
    int Viewers = 0,
    string? Title = null)
{
    /// <summary><see cref="Reasons"/> as codes and values, in the same order.</summary>
    public IReadOnlyList<ReasonDetail> ReasonDetails { get; init; } = [];
}
