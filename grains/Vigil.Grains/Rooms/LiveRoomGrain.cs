using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Rooms;
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
/// falls back below Alert the alert is closed as faded (<see cref="RoomAlerts"/>); its heat goes to the heat lists
/// (<see cref="HeatReporter"/>).
/// </summary>
public sealed class LiveRoomGrain(
    [PersistentState("room")] IPersistentState<LiveRoomState> state,
    PolicyStore policies,
    ShadowMonitor shadow) : Grain, ILiveRoomGrain
{
    private static readonly TimeSpan EvaluationPeriod = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CalmEvaluationPeriod = TimeSpan.FromSeconds(1);
    private DateTimeOffset _wallAtLatestEvent;
    private DateTimeOffset _evaluatedAt;
    private RoomState _roomState;
    private bool _calm;
    private IGrainTimer? _fadeTimer;
    private RoomAlerts _alerts = null!;
    private HeatReporter _heat = null!;
    private Func<long, (int Viewers, IEnumerable<KeyValuePair<Category, double>> Risks)> _quietGauges = null!;

    // Scratch space for one evaluation, shared by the rooms evaluated on a thread: per-room buffers would be
    // promoted with every room and kept for its lifetime, for data that lives one synchronous call.
    [ThreadStatic]
    private static Policy.CategoryRisk[]? t_risks;
    [ThreadStatic]
    private static KeyValuePair<Category, double>[]? t_gauges;

    private LiveRoomState Room => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _wallAtLatestEvent = TimeProvider.GetUtcNow();
        _alerts = new RoomAlerts(GrainFactory, GetPrimaryKeyString());
        _heat = new HeatReporter(GrainFactory, TimeProvider, GetPrimaryKeyString());
        _quietGauges = minute => Gauges(policies.Active, minute);
        UpdateFadeTimer();
        return Task.CompletedTask;
    }

    public Task Apply(IReadOnlyList<LiveEvent> events)
    {
        var policy = policies.Active;
        var wall = TimeProvider.GetUtcNow();
        CatchUpHistory(RoomClock(wall));
        var weighty = false;
        for (var i = 0; i < events.Count; i++)
        {
            weighty |= RoomEvents.Apply(Room, policy, events[i]);
        }

        // From here the room's clock reads its newest event's time.
        _wallAtLatestEvent = wall;
        if (!weighty && IsCalmAndFresh(Room.LatestEventAt))
        {
            state.MarkDirty();
            return Task.CompletedTask;
        }

        return Evaluate(policy, Room.LatestEventAt);
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
            Heat = HeatScore.Of(Room, now),
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

    /// <summary>
    /// Runs on every Apply, so it stays synchronous and allocation-free unless a category is at Alert or has an alert
    /// open: risks go into the thread's scratch buffers, and only then is the alert center called.
    /// </summary>
    private Task Evaluate(CompiledPolicy policy, DateTimeOffset now)
    {
        _evaluatedAt = now;
        var count = Room.Categories.Count;
        if (t_risks is null || t_risks.Length < count)
        {
            t_risks = new Policy.CategoryRisk[Math.Max(count, 8)];
            t_gauges = new KeyValuePair<Category, double>[t_risks.Length];
        }

        var (risks, gauges) = (t_risks, t_gauges!);

        var (index, maxRisk, rising, alerting, calm) = (0, 0.0, false, false, true);
        foreach (var (category, entry) in Room.Categories)
        {
            var risk = PolicyEvaluator.Combine(policy, category, entry.Evidence, now);
            risks[index] = risk;
            gauges[index++] = KeyValuePair.Create(category, risk.Risk);
            maxRisk = Math.Max(maxRisk, risk.Risk);
            entry.State = PolicyEvaluator.StateFor(policy, Room.Region, risk, entry.State);
            rising |= risk.Risk > entry.LastRisk + 0.05 && entry.State >= RoomState.Watch;
            entry.LastRisk = risk.Risk;
            shadow.Observe(GetPrimaryKeyString(), Room.Region, category, entry.Evidence, now);
            alerting |= entry.State >= RoomState.Alert || entry.OpenAlertId is not null;
            calm &= entry.State == RoomState.Normal && entry.OpenAlertId is null;
        }

        _roomState = PolicyEvaluator.StateFor(policy, Room.Region, risks.AsSpan(0, count), _roomState, alertPastSla: false);
        Room.History.Sample(MinuteHistory.MinuteOf(now), Room.Viewers, gauges.AsSpan(0, count));
        state.MarkDirty();
        _heat.Report(Room, now, maxRisk, rising || _roomState >= RoomState.Alert);
        if (alerting)
        {
            // Copied: the alert center is awaited, and the thread's scratch space is another room's meanwhile.
            return ReconcileAlerts(policy, now, risks[..count]);
        }

        UpdateFadeTimer(calm);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Whether a batch of audience and activity alone (viewers, gifts, follows, chat without keyword hits) may skip
    /// evaluation: every category is Normal with no alert open, so a risk that can only have decayed cannot change a
    /// state, and the room was evaluated less than <see cref="CalmEvaluationPeriod"/> ago in the same minute, so its
    /// history and heat are at most that stale. Most of a busy room's batches are like this.
    /// </summary>
    private bool IsCalmAndFresh(DateTimeOffset now) =>
        _calm && now - _evaluatedAt < CalmEvaluationPeriod && MinuteHistory.MinuteOf(now) == MinuteHistory.MinuteOf(_evaluatedAt);

    /// <summary>Raises, updates or closes the alerts of the categories just evaluated, whose <paramref name="risks"/> are in the room's category order (no category is added between the two walks: the room's turns do not interleave).</summary>
    private async Task ReconcileAlerts(CompiledPolicy policy, DateTimeOffset now, Policy.CategoryRisk[] risks)
    {
        var index = 0;
        foreach (var (category, entry) in Room.Categories)
        {
            if (await _alerts.Reconcile(policy, Room, category, entry, risks[index++], now))
            {
                state.MarkDirty();
            }
        }

        UpdateFadeTimer();
    }

    private static RoomRisk ToRoomRisk(Category category, RoomCategory entry, Policy.CategoryRisk risk)
    {
        var (reasons, details) = ReasonTemplates.Split(risk.Worded());
        return new RoomRisk(category, Math.Round(risk.Risk, 3), entry.State.ToString(), entry.PeakScore, risk.EvidenceCount, entry.OpenAlertId, reasons)
        {
            ReasonDetails = details,
        };
    }

    /// <summary>
    /// Re-evaluates on a timer while an alert is open, so evidence that stops arriving still fades and closes it. It runs
    /// after every change to a category's state or alert, so it keeps <see cref="_calm"/> for the calm batches too.
    /// </summary>
    private void UpdateFadeTimer() => UpdateFadeTimer(Room.IsCalm());

    private void UpdateFadeTimer(bool calm)
    {
        _calm = calm;
        var needed = !calm;
        if (needed && _fadeTimer is null)
        {
            _fadeTimer = RegisterGrainTimer(_ => CatchUpAndEvaluate(), new GrainTimerCreationOptions(EvaluationPeriod, EvaluationPeriod, KeepAlive: true));
        }
        else if (!needed && _fadeTimer is not null)
        {
            _fadeTimer.Dispose();
            _fadeTimer = null;
        }
    }

    /// <summary>
    /// One reading of the room's clock for the catch-up and the evaluation: read twice, a clock that moved between
    /// the two (a timer tick while time leaps) had the evaluation back-fill the skipped minutes with its current risk.
    /// </summary>
    private Task CatchUpAndEvaluate()
    {
        var now = RoomClock();
        CatchUpHistory(now);
        return Evaluate(policies.Active, now);
    }

    /// <summary>Fills the history's minutes since the last evaluation while the evidence is still what it was then.</summary>
    private void CatchUpHistory(DateTimeOffset now) => Room.History.CatchUp(MinuteHistory.MinuteOf(now), _quietGauges);

    /// <summary>Viewers and risks at the start of <paramref name="minute"/>, for minutes in which the room was quiet (its evidence unchanged).</summary>
    private (int Viewers, IEnumerable<KeyValuePair<Category, double>> Risks) Gauges(CompiledPolicy policy, long minute)
    {
        var at = MinuteHistory.StartOf(minute);
        return (Room.Viewers, Room.Categories.Select(p => KeyValuePair.Create(p.Key, PolicyEvaluator.Combine(policy, p.Key, p.Value.Evidence, at).Risk)));
    }

    private DateTimeOffset RoomClock() => RoomClock(TimeProvider.GetUtcNow());

    private DateTimeOffset RoomClock(DateTimeOffset wall)
    {
        var sinceLatest = wall - _wallAtLatestEvent;
        return Room.LatestEventAt + (sinceLatest > TimeSpan.Zero ? sinceLatest : TimeSpan.Zero);
    }
}
