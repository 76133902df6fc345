using Vigil.Grains.Contracts.Events;
using Vigil.Runtime.Grains;

namespace Vigil.Grains.Contracts.Alerts;

/// <summary>
/// A region's alert desk (keyed by region name): the open alerts, one per (room, category), their handling
/// (acknowledge, assign, escalate, resolve) with an audit trail, and escalation when an SLA passes unacknowledged.
/// </summary>
public interface IAlertCenterGrain : IGrainWithStringKey
{
    /// <summary>Raises the (room, category) alert, or updates the open one with the new evidence.</summary>
    Task<AlertSnapshot> RaiseOrUpdate(AlertEvidence evidence);

    /// <summary>Closes the (room, category) alert because its evidence faded; no-op when none is open.</summary>
    Task CloseFaded(string roomId, Category category, string reason);

    /// <summary>Applies an operator's action; throws <see cref="KeyNotFoundException"/> or <see cref="InvalidOperationException"/> naming the alert.</summary>
    Task<AlertSnapshot> Act(string alertId, AlertAction action, string actor, string? note, string? assignee = null);

    [ReadOnly]
    Task<IReadOnlyList<AlertSnapshot>> List(AlertStatus? status, Category? category);

    [ReadOnly]
    Task<AlertSnapshot?> Get(string alertId);

    [ReadOnly]
    Task<IReadOnlyList<AuditEntry>> Audit(string alertId);
}
