using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Contracts.Rooms;

/// <summary>A live room's running state, as <c>GET /api/rooms/{roomId}</c> returns it.</summary>
public sealed record RoomSnapshot
{
    public required string RoomId { get; init; }

    public string? BroadcasterId { get; init; }

    public Region Region { get; init; }

    public string? Title { get; init; }

    public string? Lang { get; init; }

    public bool Live { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public int Viewers { get; init; }

    public int PeakViewers { get; init; }

    /// <summary>Chat lines per minute over the last five minutes of event time.</summary>
    public double ChatPerMinute { get; init; }

    /// <summary>Gift coins per minute over the last five minutes of event time.</summary>
    public double GiftValuePerMinute { get; init; }

    public double Heat { get; init; }

    /// <summary>Normal, Watch, Alert or Escalated.</summary>
    public required string State { get; init; }

    public required IReadOnlyList<RoomRisk> Risks { get; init; }

    public required IReadOnlyList<string> OpenAlertIds { get; init; }
}
