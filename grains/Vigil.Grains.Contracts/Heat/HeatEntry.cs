namespace Vigil.Grains.Contracts.Heat;

/// <summary>
/// One room on a heat list (<c>GET /api/heat</c>): how hot it is, and whether its risk is rising. <see cref="Title"/> is
/// the room's title as the broadcaster set it (attacker-controlled text: show it as text only).
/// </summary>
public sealed record HeatEntry(string RoomId, double Heat, int Viewers, double Risk, bool Flagged, string? Title = null);
