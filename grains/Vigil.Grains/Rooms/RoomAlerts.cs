using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Policy;
using Vigil.Grains.Reasons;
using Vigil.Runtime.Grains;

namespace Vigil.Grains.Rooms;

/// <summary>
/// Keeps one room's categories in step with its region's alert center: raises an alert when a category reaches Alert
/// with new evidence, updates it as evidence grows, and closes it as faded when the category falls back below Alert.
/// Its own type so the room grain only says when to reconcile, not how.
/// </summary>
public sealed class RoomAlerts(IGrainFactory grains, string roomId)
{
    /// <summary>Tells the alert center what changed for <paramref name="category"/>; true when <paramref name="entry"/> changed and the room must be saved.</summary>
    public async Task<bool> Reconcile(CompiledPolicy policy, LiveRoomState room, Category category, RoomCategory entry, Policy.CategoryRisk risk, DateTimeOffset now)
    {
        if (entry.State >= RoomState.Alert)
        {
            var fresh = entry.OpenAlertId is null && risk.EvidenceCount > entry.EvidenceAtResolve;
            var grown = entry.OpenAlertId is not null && risk.EvidenceCount > entry.ReportedEvidence;
            if (!fresh && !grown)
            {
                return false;
            }

            var (reasons, details) = ReasonTemplates.Split(risk.Worded());
            var evidence = new AlertEvidence(
                roomId,
                room.BroadcasterId ?? "unknown",
                room.Region,
                category,
                PolicyEvaluator.SeverityFor(policy, category, risk.Risk, room.Region),
                risk.Risk,
                entry.PeakScore,
                risk.EvidenceCount,
                reasons,
                now,
                room.Viewers,
                room.Title)
            {
                ReasonDetails = details,
            };
            entry.OpenAlertId = (await AlertCenter(room).RaiseOrUpdate(evidence)).Id;
            entry.ReportedEvidence = risk.EvidenceCount;
            return true;
        }

        if (entry.OpenAlertId is not null && entry.State < RoomState.Alert)
        {
            await AlertCenter(room).CloseFaded(roomId, category, $"evidence faded: {EventNames.Name(category)} risk is down to {risk.Risk:0.00}");
            entry.OpenAlertId = null;
            entry.EvidenceAtResolve = -1;
            return true;
        }

        return false;
    }

    private IAlertCenterGrain AlertCenter(LiveRoomState room) => grains.GetGrain<IAlertCenterGrain>(room.Region.ToString());
}
