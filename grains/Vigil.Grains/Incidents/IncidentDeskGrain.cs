using Microsoft.Extensions.Logging;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Feed;
using Vigil.Grains.Contracts.Incidents;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;

namespace Vigil.Grains.Incidents;

/// <summary>
/// The incident desk. It reads alerts from the regions' alert centers (which never call back), so declaring cannot
/// deadlock; every change is versioned, put on the incident's timeline and published on the live feed in this turn.
/// </summary>
public sealed partial class IncidentDeskGrain(
    [PersistentState("incidents")] IPersistentState<IncidentDeskState> state,
    ILiveFeed feed,
    ILogger<IncidentDeskGrain> logger) : Grain, IIncidentDeskGrain
{
    // Resolved incidents kept for history before the oldest are dropped.
    private const int ResolvedKept = 1_000;

    public async Task<IncidentSnapshot> Declare(IncidentDeclaration declaration, string actor)
    {
        IncidentRules.Validate(declaration);
        var alerts = new List<AlertSnapshot>(declaration.AlertIds.Count);
        foreach (var alertId in declaration.AlertIds.Distinct(StringComparer.Ordinal))
        {
            alerts.Add(await CenterOf(alertId).Get(alertId) ?? throw new KeyNotFoundException($"No alert {alertId}."));
        }

        var id = $"INC-{state.State.NextSequence++:D6}";
        var incident = IncidentRules.Create(id, declaration, alerts, actor, TimeProvider.GetUtcNow());
        LogDeclared(logger, id, incident.Severity.ToString(), incident.AlertIds.Count, actor);
        return Save(incident, "declared");
    }

    public Task<IncidentSnapshot> SetStatus(string incidentId, IncidentStatus status, string actor, string? note)
    {
        IncidentRules.ValidateNote(note, required: false);
        var incident = Find(incidentId);
        IncidentRules.CheckTransition(incident, status);
        var now = TimeProvider.GetUtcNow();
        var change = IncidentRules.Change(incident.Status, status);
        var updated = incident with
        {
            Status = status,
            UpdatedAt = now,
            ResolvedAt = status == IncidentStatus.Resolved ? now : null,
            Timeline = [.. incident.Timeline, new IncidentTimelineEntry(now, actor, change, note)],
            Version = incident.Version + 1,
        };
        return Task.FromResult(Save(updated, change));
    }

    public Task<IncidentSnapshot> AddNote(string incidentId, string actor, string text)
    {
        IncidentRules.ValidateNote(text, required: true);
        var incident = Find(incidentId);
        var now = TimeProvider.GetUtcNow();
        var updated = incident with
        {
            UpdatedAt = now,
            Timeline = [.. incident.Timeline, new IncidentTimelineEntry(now, actor, "noted", text)],
            Version = incident.Version + 1,
        };
        return Task.FromResult(Save(updated, "noted"));
    }

    public Task<IReadOnlyList<IncidentSnapshot>> List(bool includeResolved) =>
        Task.FromResult<IReadOnlyList<IncidentSnapshot>>(state.State.Incidents.Values
            .Where(i => includeResolved || i.Status != IncidentStatus.Resolved)
            .OrderBy(i => i.Severity).ThenByDescending(i => i.DeclaredAt)
            .ToArray());

    public Task<IncidentSnapshot?> Get(string incidentId) =>
        Task.FromResult(state.State.Incidents.GetValueOrDefault(incidentId));

    private IncidentSnapshot Find(string incidentId) =>
        state.State.Incidents.GetValueOrDefault(incidentId) ?? throw new KeyNotFoundException($"No incident {incidentId}.");

    private IncidentSnapshot Save(IncidentSnapshot incident, string change)
    {
        state.State.Incidents[incident.Id] = incident;
        if (incident.Status == IncidentStatus.Resolved)
        {
            TrimResolved();
        }

        state.MarkDirty();
        feed.Publish(new IncidentChanged(incident, change) { At = incident.UpdatedAt });
        return incident;
    }

    private void TrimResolved()
    {
        var resolved = state.State.Incidents.Values.Where(i => i.Status == IncidentStatus.Resolved).ToList();
        foreach (var old in resolved.OrderBy(i => i.UpdatedAt).Take(Math.Max(0, resolved.Count - ResolvedKept)))
        {
            state.State.Incidents.Remove(old.Id);
        }
    }

    private IAlertCenterGrain CenterOf(string alertId) =>
        AlertIds.RegionOf(alertId) is { } region
            ? GrainFactory.GetGrain<IAlertCenterGrain>(region.ToString())
            : throw new KeyNotFoundException($"No alert {alertId}: {AlertIds.FormatHint}.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} ({Severity}) declared from {AlertCount} alerts by {Actor}")]
    private static partial void LogDeclared(ILogger logger, string incidentId, string severity, int alertCount, string actor);
}
