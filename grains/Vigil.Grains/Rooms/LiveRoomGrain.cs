using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Heat;
using Vigil.Grains.Contracts.Rooms;
using Vigil.Grains.Heat;
using Vigil.Grains.Policy;
using Vigil.Grains.Reasons;
using Vigil.Grains.Shadow;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;
using Vigil.Runtime.Timers;

namespace Vigil.Grains.Rooms;

/// <summary>
/// One live session. Evidence is kept per category in event time; risk is evaluated at the room's clock, which is
/// the newest event time plus the wall time since it arrived, so a quiet room's evidence keeps fading in real time.
/// A category whose state reaches Alert raises (then updates) one alert at its region's alert center; when its state
/// falls back below Alert the alert is closed as faded.
/// </summary>
public sealed class LiveRoomGrain(
    [PersistentState("room")] IPersistentState<LiveRoomState> state,
    PolicyStore policies,
    ShadowMonitor shadow) : Grain, ILiveRoomGrain
{
    private static readonly TimeSpan EvaluationPeriod = TimeSpan.FromSeconds(15);
    private DateTimeOffset _wallAtLatestEvent;
    private DateTimeOffset _lastHeatReport;
    private (bool Live, bool Flagged)? _lastReported;
    private RoomState _roomState;
    private IGrainTimer? _fadeTimer;

    private LiveRoomState Room => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _wallAtLatestEvent = TimeProvider.GetUtcNow();
        UpdateFadeTimer();
        return Task.CompletedTask;
    }

    public async Task Apply(IReadOnlyList<LiveEvent> events)
    {
        var policy = policies.Active;
        CatchUpHistory(policy);
        foreach (var e in events)
        {
            ApplyOne(policy, e);
        }

        _wallAtLatestEvent = TimeProvider.GetUtcNow();
        state.MarkDirty();
        await Evaluate(policy);
    }

    public Task<RoomSnapshot> GetState()
    {
        var policy = policies.Active;
        var now = RoomClock();
        var chat = Room.Chat.Rate(now);
        var gifts = Room.Gifts.Rate(now);
        return Task.FromResult(new RoomSnapshot
        {
            RoomId = GetPrimaryKeyString(),
            BroadcasterId = Room.BroadcasterId,
            Region = Room.Region,
            Title = Room.Title,
            Lang = Room.Lang,
            Live = Room.Live,
            StartedAt = Room.StartedAt,
            EndedAt = Room.EndedAt,
            Viewers = Room.Viewers,
            PeakViewers = Room.PeakViewers,
            ChatPerMinute = chat.CountPerMinute,
            GiftValuePerMinute = gifts.SumPerMinute,
            Heat = Heat(now),
            State = _roomState.ToString(),
            Risks = Room.Categories
                .Select(p => (Category: p.Key, Entry: p.Value, Risk: PolicyEvaluator.Combine(policy, p.Key, p.Value.Evidence, now)))
                .OrderByDescending(r => r.Risk.Risk)
                .Select(r => ToRoomRisk(r.Category, r.Entry, r.Risk))
                .ToArray(),
            OpenAlertIds = Room.Categories.Values.Where(c => c.OpenAlertId is not null).Select(c => c.OpenAlertId!).ToArray(),
        });
    }

    public Task<RoomHistory> GetHistory()
    {
        var policy = policies.Active;

        // An ended room's history stops with its last event, so the room page still shows the session.
        var clock = Room.EndedAt is not null && !Room.Live ? Room.LatestEventAt : RoomClock();
        var points = Room.History.Points(MinuteHistory.MinuteOf(clock), minute => Gauges(policy, minute));
        return Task.FromResult(new RoomHistory(GetPrimaryKeyString(), points));
    }

    public Task OnAlertResolved(string alertId)
    {
        foreach (var category in Room.Categories.Values.Where(c => c.OpenAlertId == alertId))
        {
            category.OpenAlertId = null;
            category.EvidenceAtResolve = category.Evidence.EvidenceCount;
            state.MarkDirty();
        }

        UpdateFadeTimer();
        return Task.CompletedTask;
    }

    private void ApplyOne(CompiledPolicy policy, LiveEvent e)
    {
        if (e.Timestamp > Room.LatestEventAt)
        {
            Room.LatestEventAt = e.Timestamp;
        }

        Room.BroadcasterId ??= e.BroadcasterId;
        if (Room.Region == Region.OTHER)
        {
            Room.Region = e.Region;
        }

        switch (e.Type)
        {
            case EventType.RoomStarted:
                if (Room.StartedAt is not { } started || e.Timestamp > started)
                {
                    (Room.StartedAt, Room.Title, Room.Lang, Room.Region) = (e.Timestamp, e.Title, e.Lang, e.Region);
                    Room.BroadcasterId = e.BroadcasterId;
                }

                break;
            case EventType.RoomEnded when Room.EndedAt is not { } ended || e.Timestamp > ended:
                Room.EndedAt = e.Timestamp;
                break;
            case EventType.ViewerJoined:
                Room.ViewerBalance++;
                Room.PeakViewers = Math.Max(Room.PeakViewers, Room.Viewers);
                break;
            case EventType.ViewerLeft:
                Room.ViewerBalance--;
                break;
            case EventType.ChatMessage:
                Room.Chat.Add(e.Timestamp, 1);
                Room.History.Book(e.Timestamp, 1, 0);
                foreach (var hit in policy.Screener.Screen(e.Text, e.Lang))
                {
                    var category = CategoryOf(hit.Category);
                    category.Evidence = category.Evidence.WithKeywordHit(policy, e.Timestamp);
                }

                break;
            case EventType.GiftSent:
                Room.Gifts.Add(e.Timestamp, e.Value ?? 0);
                Room.History.Book(e.Timestamp, 0, e.Value ?? 0);
                break;
            case EventType.Follow:
                Room.Follows.Add(e.Timestamp, 1);
                break;
            case EventType.ReportFiled when e.Category is { } reported:
                var reportedCategory = CategoryOf(reported);
                reportedCategory.Evidence = reportedCategory.Evidence.WithReport(policy, e.Timestamp);
                break;
            case EventType.ModerationScore when e.Category is { } scored && e.Score is { } score:
                var scoredCategory = CategoryOf(scored);
                scoredCategory.Evidence = scoredCategory.Evidence.WithScore(policy, score, e.Timestamp);
                scoredCategory.PeakScore = Math.Max(scoredCategory.PeakScore, score);
                break;
        }
    }

    private async Task Evaluate(CompiledPolicy policy)
    {
        // Runs on every Apply: one array, no LINQ, so a room's evaluation allocates little beyond its history sample.
        var now = RoomClock();
        var risks = Room.Categories.Count == 0 ? [] : new Policy.CategoryRisk[Room.Categories.Count];
        var gauges = risks.Length == 0 ? [] : new KeyValuePair<Category, double>[risks.Length];
        var (count, maxRisk, rising) = (0, 0.0, false);
        foreach (var (category, entry) in Room.Categories)
        {
            var risk = PolicyEvaluator.Combine(policy, category, entry.Evidence, now);
            risks[count] = risk;
            gauges[count++] = KeyValuePair.Create(category, risk.Risk);
            maxRisk = Math.Max(maxRisk, risk.Risk);
            entry.State = PolicyEvaluator.StateFor(policy, Room.Region, risk, entry.State);
            rising |= risk.Risk > entry.LastRisk + 0.05 && entry.State >= RoomState.Watch;
            entry.LastRisk = risk.Risk;
            shadow.Observe(GetPrimaryKeyString(), Room.Region, category, entry.Evidence, now);
            await ReconcileAlert(policy, category, entry, risk, now);
        }

        _roomState = PolicyEvaluator.StateFor(policy, Room.Region, risks, _roomState, alertPastSla: false);
        Room.History.Sample(MinuteHistory.MinuteOf(now), Room.Viewers, gauges);
        state.MarkDirty();
        ReportHeat(now, maxRisk, rising || _roomState >= RoomState.Alert);
        UpdateFadeTimer();
    }

    private async Task ReconcileAlert(CompiledPolicy policy, Category category, RoomCategory entry, Policy.CategoryRisk risk, DateTimeOffset now)
    {
        if (entry.State >= RoomState.Alert)
        {
            var fresh = entry.OpenAlertId is null && risk.EvidenceCount > entry.EvidenceAtResolve;
            var grown = entry.OpenAlertId is not null && risk.EvidenceCount > entry.ReportedEvidence;
            if (!fresh && !grown)
            {
                return;
            }

            var (reasons, details) = ReasonTemplates.Split(risk.Worded());
            var evidence = new AlertEvidence(
                GetPrimaryKeyString(),
                Room.BroadcasterId ?? "unknown",
                Room.Region,
                category,
                PolicyEvaluator.SeverityFor(policy, category, risk.Risk, Room.Region),
                risk.Risk,
                entry.PeakScore,
                risk.EvidenceCount,
                reasons,
                now,
                Room.Viewers,
                Room.Title)
            {
                ReasonDetails = details,
            };
            entry.OpenAlertId = (await AlertCenter().RaiseOrUpdate(evidence)).Id;
            entry.ReportedEvidence = risk.EvidenceCount;
            state.MarkDirty();
        }
        else if (entry.OpenAlertId is not null && entry.State < RoomState.Alert)
        {
            await AlertCenter().CloseFaded(GetPrimaryKeyString(), category, $"evidence faded: {EventNames.Name(category)} risk is down to {risk.Risk:0.00}");
            entry.OpenAlertId = null;
            entry.EvidenceAtResolve = -1;
            state.MarkDirty();
        }
    }

    private static RoomRisk ToRoomRisk(Category category, RoomCategory entry, Policy.CategoryRisk risk)
    {
        var (reasons, details) = ReasonTemplates.Split(risk.Worded());
        return new RoomRisk(category, Math.Round(risk.Risk, 3), entry.State.ToString(), entry.PeakScore, risk.EvidenceCount, entry.OpenAlertId, reasons)
        {
            ReasonDetails = details,
        };
    }

    private IAlertCenterGrain AlertCenter() => GrainFactory.GetGrain<IAlertCenterGrain>(Room.Region.ToString());

    /// <summary>
    /// Reports to the region's and the global heat list at once when the room starts, ends or its flag changes, and
    /// otherwise at most once per list refresh: the lists re-rank only that often, so more reports would be lost work.
    /// </summary>
    private void ReportHeat(DateTimeOffset now, double maxRisk, bool flagged)
    {
        var wall = TimeProvider.GetUtcNow();
        if (_lastReported == (Room.Live, flagged) && wall - _lastHeatReport < HeatListGrain.RefreshPeriod)
        {
            return;
        }

        _lastReported = (Room.Live, flagged);
        _lastHeatReport = wall;
        var entry = new HeatEntry(GetPrimaryKeyString(), Heat(now), Room.Viewers, Math.Round(maxRisk, 3), flagged);
        GrainFactory.GetGrain<IHeatListGrain>(Room.Region.ToString()).Report(entry, Room.Live);
        GrainFactory.GetGrain<IHeatListGrain>("global").Report(entry, Room.Live);
    }

    private double Heat(DateTimeOffset now)
    {
        if (!Room.Live)
        {
            return 0;
        }

        return HeatScore.Compute(Room.Viewers, Room.Chat.Rate(now).CountPerMinute, Room.Gifts.Rate(now).SumPerMinute, Room.Follows.Rate(now).CountPerMinute);
    }

    /// <summary>Re-evaluates on a timer while an alert is open, so evidence that stops arriving still fades and closes it.</summary>
    private void UpdateFadeTimer()
    {
        var needed = Room.Categories.Values.Any(c => c.OpenAlertId is not null || c.State >= RoomState.Watch);
        if (needed && _fadeTimer is null)
        {
            _fadeTimer = RegisterGrainTimer(_ => CatchUpAndEvaluate(policies.Active), new GrainTimerCreationOptions(EvaluationPeriod, EvaluationPeriod, KeepAlive: true));
        }
        else if (!needed && _fadeTimer is not null)
        {
            _fadeTimer.Dispose();
            _fadeTimer = null;
        }
    }

    private Task CatchUpAndEvaluate(CompiledPolicy policy)
    {
        CatchUpHistory(policy);
        return Evaluate(policy);
    }

    /// <summary>Fills the history's minutes since the last evaluation while the evidence is still what it was then.</summary>
    private void CatchUpHistory(CompiledPolicy policy) =>
        Room.History.CatchUp(MinuteHistory.MinuteOf(RoomClock()), minute => Gauges(policy, minute));

    /// <summary>Viewers and risks at the start of <paramref name="minute"/>, for minutes in which the room was quiet (its evidence unchanged).</summary>
    private (int Viewers, IEnumerable<KeyValuePair<Category, double>> Risks) Gauges(CompiledPolicy policy, long minute)
    {
        var at = MinuteHistory.StartOf(minute);
        return (Room.Viewers, Room.Categories.Select(p => KeyValuePair.Create(p.Key, PolicyEvaluator.Combine(policy, p.Key, p.Value.Evidence, at).Risk)));
    }

    private DateTimeOffset RoomClock()
    {
        var sinceLatest = TimeProvider.GetUtcNow() - _wallAtLatestEvent;
        return Room.LatestEventAt + (sinceLatest > TimeSpan.Zero ? sinceLatest : TimeSpan.Zero);
    }

    private RoomCategory CategoryOf(Category category)
    {
        if (!Room.Categories.TryGetValue(category, out var entry))
        {
            Room.Categories[category] = entry = new RoomCategory();
        }

        return entry;
    }
}
