using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Contracts.Rooms;

/// <summary>A room's current risk in one category (0..1, decayed to now) and the evidence behind it, in words.</summary>
public sealed record RoomRisk(Category Category, double Risk, string State, double PeakScore, int EvidenceCount, string? OpenAlertId, IReadOnlyList<string> Reasons);
