namespace Vigil.Grains.Contracts.Heat;

/// <summary>One room on a heat list (<c>GET /api/heat</c>): how hot it is, and whether its risk is rising.</summary>
public sealed record HeatEntry(string RoomId, double Heat, int Viewers, double Risk, bool Flagged);
