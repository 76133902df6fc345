namespace Vigil.Grains.Contracts.Rooms;

/// <summary>A room's last hour, one point per minute of event time, oldest first (<c>GET /api/rooms/{roomId}/history</c>).</summary>
public sealed record RoomHistory(string RoomId, IReadOnlyList<RoomHistoryPoint> Points);
