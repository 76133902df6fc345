using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Contracts.Incidents;

/// <summary>
/// A high-priority safety incident as the incident room shows it. <see cref="Version"/> increases with every change,
/// so consumers can order updates.
/// </summary>
public sealed record IncidentSnapshot
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required Severity Severity { get; init; }

    public required IncidentStatus Status { get; init; }

    public required string Commander { get; init; }

    public required string DeclaredBy { get; init; }

    public required DateTimeOffset DeclaredAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public required IReadOnlyList<string> AlertIds { get; init; }

    public required IReadOnlyList<string> RoomIds { get; init; }

    public required IReadOnlyList<string> BroadcasterIds { get; init; }

    public required IReadOnlyList<Region> Regions { get; init; }

    public required IReadOnlyList<IncidentTimelineEntry> Timeline { get; init; }

    public long Version { get; init; }
}
