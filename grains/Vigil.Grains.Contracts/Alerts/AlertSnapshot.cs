using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Reasons;

namespace Vigil.Grains.Contracts.Alerts;

/// <summary>
/// An alert as operators and scripts see it (the contract's alert shape): one per (room, category) while open;
/// later evidence updates it. <see cref="Version"/> increases with every change, so consumers can order updates.
/// </summary>
public sealed record AlertSnapshot
{
    /// <summary>How many risk values <see cref="Trend"/> keeps.</summary>
    public const int TrendLength = 20;

    public required string Id { get; init; }

    public required string RoomId { get; init; }

    public required string BroadcasterId { get; init; }

    public required Region Region { get; init; }

    public required Category Category { get; init; }

    public required Severity Severity { get; init; }

    public required AlertStatus Status { get; init; }

    public required DateTimeOffset RaisedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Why, in words a person can check, e.g. "video classifier scored nudity 0.93 (peak 0.97) over 4 minutes".</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary><see cref="Reasons"/> as codes and values a client words in its own language, in the same order; empty in state written before details existed.</summary>
    public IReadOnlyList<ReasonDetail> ReasonDetails { get; init; } = [];

    public required int EvidenceCount { get; init; }

    public required double PeakScore { get; init; }

    public long Version { get; init; }

    public string? AssignedTo { get; init; }

    /// <summary>The room's viewers at the alert's latest evidence.</summary>
    public int Viewers { get; init; }

    /// <summary>The room's title: attacker-controlled text, to be shown as plain text only.</summary>
    public string? Title { get; init; }

    /// <summary>The category's risk (0..1) at each of the last (at most <see cref="TrendLength"/>) evidence updates, oldest first.</summary>
    public IReadOnlyList<double> Trend { get; init; } = [];
}
