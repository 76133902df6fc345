using Microsoft.Extensions.Logging;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Broadcasters;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Feed;
using Vigil.Grains.Contracts.Rooms;
using Vigil.Grains.Policy;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;
using Vigil.Runtime.Timers;

namespace Vigil.Grains.Alerts;

/// <summary>
/// One region's alert desk. Every change is published on the live feed from inside this grain's turn, so changes of
/// one alert reach subscribers in order. Unacknowledged alerts escalate themselves once their severity's SLA passes.
/// Its turns run on the runtime's urgent lane: a new alert must not wait behind the ingest work queued on the pool.
/// </summary>
[Reentrant]
[Urgent]
public sealed partial class AlertCenterGrain(
    [PersistentState("alerts")] IPersistentState<AlertCenterState> state,
    ILiveFeed feed,
    PolicyStore policies,
    ILogger<AlertCenterGrain> logger) : Grain, IAlertCenterGrain
{
    private const string System = "system";

    // Resolved alerts kept for history and audit before the oldest are dropped.
    private const int ResolvedKept = 5_000;

    private static readonly TimeSpan SlaCheckPeriod = TimeSpan.FromSeconds(5);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        RegisterGrainTimer(_ => EscalateOverdue(), new GrainTimerCreationOptions(SlaCheckPeriod, SlaCheckPeriod, KeepAlive: true));
        return Task.CompletedTask;
    }

    public Task<AlertSnapshot> RaiseOrUpdate(AlertEvidence evidence)
    {
        var alerts = state.State;
        var pair = PairKey(evidence.RoomId, evidence.Category);
        AlertSnapshot snapshot;
        string change;
        if (alerts.OpenByRoomCategory.TryGetValue(pair, out var openId) && alerts.Alerts.TryGetValue(openId, out var open))
        {
            snapshot = open.Snapshot = AlertRules.Merge(open.Snapshot, evidence);
            change = "updated";
        }
        else
        {
            var now = TimeProvider.GetUtcNow();
            snapshot = new AlertSnapshot
            {
                Id = AlertIds.Of(GetPrimaryKeyString(), alerts.NextSequence++),
                RoomId = evidence.RoomId,
                BroadcasterId = evidence.BroadcasterId,
                Region = evidence.Region,
                Category = evidence.Category,
                Severity = evidence.Severity,
                Status = AlertStatus.Open,
                RaisedAt = now,
                UpdatedAt = now,
                Reasons = evidence.Reasons,
                ReasonDetails = evidence.ReasonDetails,
                EvidenceCount = evidence.EvidenceCount,
                PeakScore = evidence.PeakScore,
                Viewers = evidence.Viewers,
                Title = evidence.Title,
                Trend = AlertRules.AppendTrend([], evidence.Risk),
                Version = 1,
            };
            alerts.Alerts[snapshot.Id] = new AlertRecord { Snapshot = snapshot, Audit = [new AuditEntry(now, System, "raised", null)] };
            alerts.OpenByRoomCategory[pair] = snapshot.Id;
            change = "raised";
            LogRaised(logger, evidence.RoomId, EventNames.Name(evidence.Category), snapshot.Severity.ToString(), snapshot.Id);
        }

        Changed(snapshot, change);
        return Task.FromResult(snapshot);
    }

    public Task CloseFaded(string roomId, Category category, string reason)
    {
        if (!state.State.OpenByRoomCategory.TryGetValue(PairKey(roomId, category), out var id) || !state.State.Alerts.TryGetValue(id, out var record))
        {
            return Task.CompletedTask;
        }

        if (record.Snapshot.Status == AlertStatus.Open)
        {
            Apply(id, AlertAction.Resolve, System, reason, assignee: null, notifyRoom: false);
        }
        else
        {
            // A person already owns it: faded evidence is noted for them, never closed under their hands.
            record.Audit.Add(new AuditEntry(TimeProvider.GetUtcNow(), System, "evidence faded", reason));
            state.MarkDirty();
        }

        return Task.CompletedTask;
    }

    public Task<AlertSnapshot> Act(string alertId, AlertAction action, string actor, string? note, string? assignee = null) =>
        Task.FromResult(Apply(alertId, action, actor, note, assignee, notifyRoom: true));

    public Task<IReadOnlyList<AlertSnapshot>> List(AlertStatus? status, Category? category) =>
        Task.FromResult<IReadOnlyList<AlertSnapshot>>(state.State.Alerts.Values
            .Select(r => r.Snapshot)
            .Where(a => (status is null || a.Status == status) && (category is null || a.Category == category))
            .OrderBy(a => a.Severity).ThenBy(a => a.RaisedAt)
            .ToArray());

    public Task<AlertSnapshot?> Get(string alertId) =>
        Task.FromResult(state.State.Alerts.TryGetValue(alertId, out var record) ? record.Snapshot : null);

    public Task<IReadOnlyList<AuditEntry>> Audit(string alertId) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(state.State.Alerts.TryGetValue(alertId, out var record)
            ? record.Audit.ToArray()
            : throw new KeyNotFoundException($"No alert {alertId} in region {GetPrimaryKeyString()}."));

    private AlertSnapshot Apply(string alertId, AlertAction action, string actor, string? note, string? assignee, bool notifyRoom)
    {
        if (!state.State.Alerts.TryGetValue(alertId, out var record))
        {
            throw new KeyNotFoundException($"No alert {alertId} in region {GetPrimaryKeyString()}.");
        }

        if (action == AlertAction.Assign && string.IsNullOrWhiteSpace(assignee))
        {
            throw new ArgumentException($"Assigning alert {alertId} needs an assignee.", nameof(assignee));
        }

        var now = TimeProvider.GetUtcNow();
        var snapshot = record.Snapshot with
        {
            Status = AlertRules.Next(record.Snapshot, action),
            UpdatedAt = now,
            AssignedTo = action == AlertAction.Assign ? assignee : record.Snapshot.AssignedTo,
            Version = record.Snapshot.Version + 1,
        };
        record.Snapshot = snapshot;
        record.Audit.Add(new AuditEntry(now, actor, action == AlertAction.Assign ? $"assigned to {assignee}" : AlertRules.Past(action), note));
        if (snapshot.Status == AlertStatus.Resolved)
        {
            state.State.OpenByRoomCategory.Remove(PairKey(snapshot.RoomId, snapshot.Category));
            TrimResolved();
            if (notifyRoom)
            {
                GrainFactory.GetGrain<ILiveRoomGrain>(snapshot.RoomId).OnAlertResolved(snapshot.Id);
            }
        }

        Changed(snapshot, AlertRules.Past(action));
        return snapshot;
    }

    private Task EscalateOverdue()
    {
        var now = TimeProvider.GetUtcNow();
        var sla = policies.Active.Document.Sla;
        foreach (var record in state.State.Alerts.Values)
        {
            var alert = record.Snapshot;
            var limit = sla.AcknowledgeWithin(alert.Severity);
            if (alert.Status != AlertStatus.Open || record.SlaEscalated || now - alert.RaisedAt < limit)
            {
                continue;
            }

            // Marked before acting, so a failure below can never make it escalate twice.
            record.SlaEscalated = true;
            Apply(alert.Id, AlertAction.Escalate, System, $"not acknowledged within the {alert.Severity} SLA of {FormatSla(limit)}", assignee: null, notifyRoom: false);
        }

        return Task.CompletedTask;
    }

    private void Changed(AlertSnapshot snapshot, string change)
    {
        state.MarkDirty();
        feed.Publish(new AlertChanged(snapshot, change) { At = TimeProvider.GetUtcNow() });
        GrainFactory.GetGrain<IBroadcasterGrain>(snapshot.BroadcasterId).OnAlertChanged(snapshot);
    }

    private void TrimResolved()
    {
        var resolved = state.State.Alerts.Values.Where(r => r.Snapshot.Status == AlertStatus.Resolved).ToList();
        if (resolved.Count <= ResolvedKept)
        {
            return;
        }

        foreach (var old in resolved.OrderBy(r => r.Snapshot.UpdatedAt).Take(resolved.Count - ResolvedKept))
        {
            state.State.Alerts.Remove(old.Snapshot.Id);
        }
    }

    private static string PairKey(string roomId, Category category) => roomId + "|" + EventNames.Name(category);

    private static string FormatSla(TimeSpan limit) => limit.TotalMinutes >= 1 ? $"{limit.TotalMinutes:0.#} min" : $"{limit.TotalSeconds:0} s";

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId} raised {Category} alert {Severity} ({AlertId})")]
    private static partial void LogRaised(ILogger logger, string roomId, string category, string severity, string alertId);
}
