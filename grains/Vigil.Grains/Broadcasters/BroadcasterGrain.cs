using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Broadcasters;
using Vigil.Grains.Contracts.Events;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;

namespace Vigil.Grains.Broadcasters;

/// <summary>A broadcaster across their rooms: enforcement history, decaying strikes, the suggested next step.</summary>
public sealed class BroadcasterGrain([PersistentState("broadcaster")] IPersistentState<BroadcasterState> state) : Grain, IBroadcasterGrain
{
    // Room ids kept for the session count; older ones are forgotten (the count stays a lower bound).
    private const int SessionRoomsKept = 1_000;

    // Decisions kept in full; the strike sum of dropped ones is negligible after months of decay.
    private const int HistoryKept = 500;

    public Task Apply(IReadOnlyList<LiveEvent> events)
    {
        var changed = false;
        foreach (var e in events)
        {
            switch (e.Type)
            {
                case EventType.ModerationDecision when e.DecisionId is { } decisionId && !state.State.History.Exists(h => h.DecisionId == decisionId):
                    state.State.History.Add(new EnforcementRecord(decisionId, e.ModeratorId!, e.Action!.Value, e.Category!.Value, e.Stage!.Value, e.RoomId, e.Timestamp));
                    changed = true;
                    break;
                case EventType.RoomStarted when e.RoomId is { } roomId && state.State.SessionRooms.Count < SessionRoomsKept:
                    changed |= state.State.SessionRooms.Add(roomId);
                    break;
            }
        }

        if (changed)
        {
            if (state.State.History.Count > HistoryKept)
            {
                state.State.History = [.. state.State.History.OrderByDescending(h => h.At).Take(HistoryKept)];
            }

            state.MarkDirty();
        }

        return Task.CompletedTask;
    }

    public Task OnAlertChanged(AlertSnapshot alert)
    {
        if (alert.Status == AlertStatus.Resolved)
        {
            state.State.OpenAlerts.Remove(alert.Id);
        }
        else
        {
            state.State.OpenAlerts[alert.Id] = alert.Severity == Severity.P1;
        }

        state.MarkDirty();
        return Task.CompletedTask;
    }

    public Task<BroadcasterSnapshot> GetState()
    {
        var now = TimeProvider.GetUtcNow();
        var history = state.State.History.OrderByDescending(h => h.At).ToArray();
        var recent = history.Count(h => h.Action != ModerationAction.None && now - h.At <= EnforcementLadder.RepeatWindow);
        var strikes = EnforcementLadder.Strikes(history, now);
        var repeat = recent >= EnforcementLadder.RepeatCount;
        var (step, reason) = EnforcementLadder.Suggest(strikes, repeat, state.State.OpenAlerts.ContainsValue(true));
        return Task.FromResult(new BroadcasterSnapshot
        {
            BroadcasterId = GetPrimaryKeyString(),
            Strikes = Math.Round(strikes, 2),
            RecentEnforcements = recent,
            RepeatOffender = repeat,
            SuggestedStep = step,
            SuggestionReason = reason,
            History = history,
            OpenAlertIds = [.. state.State.OpenAlerts.Keys],
            Sessions = state.State.SessionRooms.Count,
        });
    }
}
