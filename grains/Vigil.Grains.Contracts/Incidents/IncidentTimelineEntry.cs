namespace Vigil.Grains.Contracts.Incidents;

/// <summary>One line of an incident's timeline: who did what and when, with an optional note.</summary>
public sealed record IncidentTimelineEntry(DateTimeOffset At, string Actor, string What, string? Note);
