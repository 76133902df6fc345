using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Reasons;

namespace Vigil.Grains.Contracts.Rooms;

/// <summary>A room's current risk in one category (0..1, decayed to now) and the evidence behind it, in words.</summary>
public sealed record RoomRisk(Category Category, double Risk, string State, double PeakScore, int EvidenceCount, string? OpenAlertId, IReadOnlyList<string> Reasons)
{
    /// <summary><see cref="Reasons"/> as codes and values a client words in its own language, in the same order.</summary>
    public IReadOnlyList<ReasonDetail> ReasonDetails { get; init; } = [];
}
