using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Heat;
using Vigil.Grains.Contracts.Incidents;
using Vigil.Grains.Contracts.Reasons;
using Vigil.Runtime.Grains;

namespace Vigil.Dashboard.Tests.Live;

/// <summary>
/// In-memory grains for the live push's tests: alerts per region, heat lists, advisors' inboxes and the incident desk,
/// with the actions recorded. Only what the live hub calls is implemented.
/// </summary>
internal sealed class FakeGrains : IGrainFactory
{
    public Dictionary<string, List<AlertSnapshot>> Alerts { get; } = [];

    public Dictionary<string, List<HeatEntry>> Heat { get; } = [];

    public Dictionary<string, List<Nudge>> Nudges { get; } = [];

    public Dictionary<string, List<string>> AdvisorsByRegion { get; } = [];

    public List<IncidentSnapshot> Incidents { get; } = [];

    public List<string> Calls { get; } = [];

    /// <summary>Runs inside every alert list read, to simulate a change landing while a snapshot is being read.</summary>
    public Action? DuringAlertRead { get; set; }

    public T GetGrain<T>(string key) where T : IGrainWithStringKey
    {
        object grain = typeof(T) switch
        {
            var t when t == typeof(IAlertCenterGrain) => new AlertCenter(this, key),
            var t when t == typeof(IHeatListGrain) => new HeatList(this, key),
            var t when t == typeof(IAdvisorGrain) => new Advisor(this, key),
            var t when t == typeof(IAdvisorDirectoryGrain) => new Directory(this, key),
            var t when t == typeof(IIncidentDeskGrain) => new Desk(this),
            _ => throw new NotSupportedException(typeof(T).Name),
        };
        return (T)grain;
    }

    private sealed class AlertCenter(FakeGrains grains, string region) : IAlertCenterGrain
    {
        public Task<AlertSnapshot> RaiseOrUpdate(AlertEvidence evidence) => throw new NotSupportedException();

        public Task CloseFaded(string roomId, Vigil.Grains.Contracts.Events.Category category, string reason) => throw new NotSupportedException();

        public Task<AlertSnapshot> Act(string alertId, AlertAction action, string actor, string? note, string? assignee = null)
        {
            grains.Calls.Add($"{region}.Act({alertId},{action},{actor})");
            var alert = grains.Alerts.GetValueOrDefault(region)?.FirstOrDefault(a => a.Id == alertId)
                ?? throw new KeyNotFoundException($"No alert {alertId}.");
            return Task.FromResult(alert with { Status = AlertStatus.Acknowledged, Version = alert.Version + 1 });
        }

        public Task<IReadOnlyList<AlertSnapshot>> List(AlertStatus? status, Vigil.Grains.Contracts.Events.Category? category)
        {
            grains.DuringAlertRead?.Invoke();
            return Task.FromResult<IReadOnlyList<AlertSnapshot>>(grains.Alerts.GetValueOrDefault(region)?.ToArray() ?? []);
        }

        public Task<AlertSnapshot?> Get(string alertId) => throw new NotSupportedException();

        public Task<IReadOnlyList<AuditEntry>> Audit(string alertId) => throw new NotSupportedException();
    }

    private sealed class HeatList(FakeGrains grains, string listId) : IHeatListGrain
    {
        public Task Report(HeatEntry entry, bool live) => throw new NotSupportedException();

        public Task<IReadOnlyList<HeatEntry>> Top(int count) =>
            Task.FromResult<IReadOnlyList<HeatEntry>>(grains.Heat.GetValueOrDefault(listId)?.Take(count).ToArray() ?? []);
    }

    private sealed class Advisor(FakeGrains grains, string advisorId) : IAdvisorGrain
    {
        public Task<Nudge> AddNudge(string userId, int risk, IReadOnlyList<string> reasons, IReadOnlyList<ReasonDetail> reasonDetails) => throw new NotSupportedException();

        public Task<IReadOnlyList<Nudge>> GetNudges() => Task.FromResult<IReadOnlyList<Nudge>>(Inbox.ToArray());

        public Task<Nudge> GetNudge(string nudgeId) => Task.FromResult(Find(nudgeId));

        public Task<Nudge> Acknowledge(string nudgeId) => Change(nudgeId, NudgeStatus.Acknowledged);

        public Task<Nudge> MarkContacted(string nudgeId) => Change(nudgeId, NudgeStatus.Contacted);

        public Task<Nudge> Resolve(string nudgeId) => Change(nudgeId, NudgeStatus.Resolved);

        public Task<Nudge> Snooze(string nudgeId, DateTimeOffset until) => Change(nudgeId, NudgeStatus.Snoozed);

        public Task<AdvisorNote> AddNote(string userId, string? nudgeId, string text, DateTimeOffset? dueAt)
        {
            grains.Calls.Add($"{advisorId}.AddNote({userId},{nudgeId})");
            return Task.FromResult(new AdvisorNote { Id = "note-1", UserId = userId, NudgeId = nudgeId, Text = text, CreatedAt = DateTimeOffset.UnixEpoch, DueAt = dueAt });
        }

        public Task<IReadOnlyList<AdvisorNote>> GetNotes() => throw new NotSupportedException();

        public Task RecordWinBack(string nudgeId, DateTimeOffset at) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>> GetPortfolio() => throw new NotSupportedException();

        public Task AddVips(IReadOnlyList<string> userIds) => throw new NotSupportedException();

        public Task RemoveVips(IReadOnlyList<string> userIds) => throw new NotSupportedException();

        private List<Nudge> Inbox => grains.Nudges.GetValueOrDefault(advisorId) ?? [];

        private Nudge Find(string nudgeId) => Inbox.FirstOrDefault(n => n.Id == nudgeId) ?? throw new KeyNotFoundException($"No nudge {nudgeId}.");

        private Task<Nudge> Change(string nudgeId, NudgeStatus status)
        {
            grains.Calls.Add($"{advisorId}.{status}({nudgeId})");
            var nudge = Find(nudgeId);
            return Task.FromResult(nudge with { Status = status, Version = nudge.Version + 1 });
        }
    }

    private sealed class Directory(FakeGrains grains, string region) : IAdvisorDirectoryGrain
    {
        public Task AddAdvisor(string advisorId) => throw new NotSupportedException();

        public Task<IReadOnlyList<AdvisorLoad>> GetAdvisors() =>
            Task.FromResult<IReadOnlyList<AdvisorLoad>>(grains.AdvisorsByRegion.GetValueOrDefault(region)?.Select(a => new AdvisorLoad(a, 1)).ToArray() ?? []);

        public Task<Vigil.Grains.Contracts.Vips.VipAssignment?> GetAssignment(string userId) => throw new NotSupportedException();

        public Task<Vigil.Grains.Contracts.Vips.VipAssignment?> AssignLeastLoaded(string userId) => throw new NotSupportedException();

        public Task<Vigil.Grains.Contracts.Vips.VipAssignment> Assign(string userId, string advisorId, Vigil.Grains.Contracts.Vips.VipTier? tier) => throw new NotSupportedException();

        public Task<RosterImportResult> ImportRoster(string csv) => throw new NotSupportedException();
    }

    private sealed class Desk(FakeGrains grains) : IIncidentDeskGrain
    {
        public Task<IncidentSnapshot> Declare(IncidentDeclaration declaration, string actor)
        {
            grains.Calls.Add($"Declare({declaration.Title},{declaration.Severity},{string.Join('+', declaration.AlertIds)},{actor})");
            return Task.FromResult(LiveFixtures.Incident("INC-9", declaration.Title));
        }

        public Task<IncidentSnapshot> SetStatus(string incidentId, IncidentStatus status, string actor, string? note)
        {
            grains.Calls.Add($"SetStatus({incidentId},{status},{actor})");
            return Task.FromResult(Find(incidentId) with { Status = status });
        }

        public Task<IncidentSnapshot> AddNote(string incidentId, string actor, string text)
        {
            grains.Calls.Add($"AddNote({incidentId},{actor})");
            return Task.FromResult(Find(incidentId));
        }

        public Task<IReadOnlyList<IncidentSnapshot>> List(bool includeResolved) =>
            Task.FromResult<IReadOnlyList<IncidentSnapshot>>(grains.Incidents.Where(i => includeResolved || i.Status != IncidentStatus.Resolved).ToArray());

        public Task<IncidentSnapshot?> Get(string incidentId) => Task.FromResult(grains.Incidents.FirstOrDefault(i => i.Id == incidentId));

        private IncidentSnapshot Find(string incidentId) => grains.Incidents.FirstOrDefault(i => i.Id == incidentId) ?? throw new KeyNotFoundException($"No incident {incidentId}.");
    }
}
