using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Feed;
using Vigil.Grains.Contracts.Reasons;
using Vigil.Grains.Contracts.Vips;
using Vigil.Grains.Vips;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;
using Vigil.Runtime.Timers;

namespace Vigil.Grains.Advisors;

/// <summary>
/// A VIP advisor's portfolio, nudge inbox and notes. Every nudge change is published to the live feed and told to the
/// VIP's grain by a one-way call (the VIP calls this grain and waits, so this grain must never wait on a VIP).
/// </summary>
public sealed class AdvisorGrain(
    [PersistentState("advisor")] IPersistentState<AdvisorState> advisor,
    ILiveFeed feed,
    IOptions<VipOptions> options,
    ILogger<AdvisorGrain> logger) : Grain, IAdvisorGrain
{
    public const int MaxNoteLength = 2000;

    private IGrainTimer? _snoozeTimer;

    private AdvisorState State => advisor.State;

    private string AdvisorId => GetPrimaryKeyString();

    private DateTimeOffset Now => TimeProvider.GetUtcNow();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The tick keeps the advisor active (so snooze timers live) and drives the portfolio re-assessment.
        var tick = options.Value.AdvisorTickInterval;
        if (tick > TimeSpan.Zero)
        {
            RegisterGrainTimer(OnTick, new GrainTimerCreationOptions(tick, tick, KeepAlive: true));
        }

        WakeSnoozed();
        return Task.CompletedTask;
    }

    public Task<Nudge> AddNudge(string userId, int risk, IReadOnlyList<string> reasons, IReadOnlyList<ReasonDetail> reasonDetails)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (reasonDetails.Count != reasons.Count)
        {
            throw new ArgumentException($"A nudge needs one detail per reason: {reasons.Count} reasons, {reasonDetails.Count} details.", nameof(reasonDetails));
        }

        var nudge = AdvisorInbox.NewNudge(NextId("n"), AdvisorId, userId, risk, reasons, reasonDetails, Now, options.Value.NudgeDueAfter);
        State.Nudges.Add(nudge);
        advisor.MarkDirty();
        Publish(nudge, "raised");
        logger.LogInformation("Advisor {AdvisorId} got nudge {NudgeId} about VIP {UserId} at churn risk {Risk}", AdvisorId, nudge.Id, userId, risk);
        return Task.FromResult(nudge);
    }

    public Task<IReadOnlyList<Nudge>> GetNudges()
    {
        WakeSnoozed();
        return Task.FromResult(AdvisorInbox.Unresolved(State.Nudges));
    }

    public Task<Nudge> GetNudge(string nudgeId)
    {
        WakeSnoozed();
        return Task.FromResult(State.Nudges[IndexOf(nudgeId)]);
    }

    public Task<Nudge> Acknowledge(string nudgeId) => Move(nudgeId, NudgeStatus.Acknowledged, null, "acknowledged");

    public Task<Nudge> MarkContacted(string nudgeId) => Move(nudgeId, NudgeStatus.Contacted, null, "contacted");

    public Task<Nudge> Resolve(string nudgeId) => Move(nudgeId, NudgeStatus.Resolved, null, "resolved");

    public Task<Nudge> Snooze(string nudgeId, DateTimeOffset until) => Move(nudgeId, NudgeStatus.Snoozed, until, "snoozed");

    public Task<AdvisorNote> AddNote(string userId, string? nudgeId, string text, DateTimeOffset? dueAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (text.Length > MaxNoteLength)
        {
            throw new ArgumentException($"A note is at most {MaxNoteLength} characters (was {text.Length}).", nameof(text));
        }

        var note = new AdvisorNote { Id = NextId("note"), UserId = userId, NudgeId = nudgeId, Text = text, CreatedAt = Now, DueAt = dueAt };
        if (nudgeId is null)
        {
            State.Notes.Add(note);
            advisor.MarkDirty();
            return Task.FromResult(note);
        }

        var index = IndexOf(nudgeId);
        var nudge = State.Nudges[index];
        if (nudge.UserId != userId)
        {
            throw new ArgumentException($"Nudge {nudgeId} is about VIP {nudge.UserId}, not {userId}.", nameof(userId));
        }

        Replace(index, AdvisorInbox.WithNote(nudge, note, Now), "noted");
        return Task.FromResult(note);
    }

    public Task<IReadOnlyList<AdvisorNote>> GetNotes() => Task.FromResult(AdvisorInbox.AllNotes(State));

    public Task RecordWinBack(string nudgeId, DateTimeOffset at)
    {
        // A nudge trimmed since is fine to miss: the VIP keeps its own record of the win-back.
        var index = State.Nudges.FindIndex(n => n.Id == nudgeId);
        if (index >= 0 && State.Nudges[index] is { WonBackAt: null } nudge)
        {
            Replace(index, nudge with { WonBackAt = at, UpdatedAt = Now, Version = nudge.Version + 1 }, "won back");
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> GetPortfolio()
    {
        IReadOnlyList<string> userIds = State.Portfolio.Order(StringComparer.Ordinal).ToArray();
        return Task.FromResult(userIds);
    }

    public Task AddVips(IReadOnlyList<string> userIds)
    {
        State.Portfolio.UnionWith(userIds);
        advisor.MarkDirty();
        return Task.CompletedTask;
    }

    public Task RemoveVips(IReadOnlyList<string> userIds)
    {
        State.Portfolio.ExceptWith(userIds);
        advisor.MarkDirty();
        return Task.CompletedTask;
    }

    private Task<Nudge> Move(string nudgeId, NudgeStatus to, DateTimeOffset? until, string change)
    {
        WakeSnoozed();
        var index = IndexOf(nudgeId);
        var moved = NudgeTransitions.Move(State.Nudges[index], to, Now, until);
        Replace(index, moved, change);
        if (to == NudgeStatus.Resolved)
        {
            AdvisorInbox.DropOldResolved(State.Nudges);
        }

        ArmSnoozeTimer();
        return Task.FromResult(moved);
    }

    private Task OnTick(CancellationToken cancellationToken)
    {
        WakeSnoozed();
        var every = options.Value.PortfolioReassessInterval;
        if (every > TimeSpan.Zero && !(Now - State.LastPortfolioReassessAt < every))
        {
            foreach (var userId in State.Portfolio)
            {
                // One-way: queued for the VIP, nothing to wait for.
                _ = GrainFactory.GetGrain<IVipUserGrain>(userId).Reassess();
            }

            State.LastPortfolioReassessAt = Now;
            advisor.MarkDirty();
        }

        return Task.CompletedTask;
    }

    /// <summary>Snoozes that have ended go back to open; checked on every read and by a timer due at the next end.</summary>
    private void WakeSnoozed()
    {
        var now = Now;
        for (var i = 0; i < State.Nudges.Count; i++)
        {
            if (NudgeTransitions.Wake(State.Nudges[i], now) is { } woken)
            {
                Replace(i, woken, "snooze ended");
            }
        }

        ArmSnoozeTimer();
    }

    private void ArmSnoozeTimer()
    {
        if (AdvisorInbox.NextSnoozeEnd(State.Nudges) is not { } until)
        {
            _snoozeTimer?.Dispose();
            _snoozeTimer = null;
            return;
        }

        var due = until - Now;
        due = due < TimeSpan.Zero ? TimeSpan.Zero : due;
        if (_snoozeTimer is null)
        {
            _snoozeTimer = RegisterGrainTimer(
                _ =>
                {
                    WakeSnoozed();
                    return Task.CompletedTask;
                },
                new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan));
        }
        else
        {
            _snoozeTimer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private void Replace(int index, Nudge nudge, string change)
    {
        State.Nudges[index] = nudge;
        advisor.MarkDirty();

        // One-way: waiting on the VIP could deadlock with its calls to us. Told before the feed, so whoever reacts to
        // the feed item and then calls the VIP finds it queued behind this notice.
        _ = GrainFactory.GetGrain<IVipUserGrain>(nudge.UserId).OnNudgeChanged(nudge);
        Publish(nudge, change);
    }

    private void Publish(Nudge nudge, string change)
    {
        feed.Publish(new NudgeChanged(nudge, change) { At = Now });
        logger.LogDebug("Advisor {AdvisorId} nudge {NudgeId} {Change}", AdvisorId, nudge.Id, change);
    }

    private int IndexOf(string nudgeId)
    {
        var index = State.Nudges.FindIndex(n => n.Id == nudgeId);
        return index >= 0 ? index : throw new KeyNotFoundException($"Advisor {AdvisorId} has no nudge '{nudgeId}'.");
    }

    private string NextId(string kind) => $"{AdvisorId}-{kind}{++State.Sequence}";
}
