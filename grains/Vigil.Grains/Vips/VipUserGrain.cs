using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Gifters;
using Vigil.Grains.Contracts.Vips;
using Vigil.Grains.Policy;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;

namespace Vigil.Grains.Vips;

/// <summary>
/// A user's engagement in daily buckets, their tier and churn risk, and the nudges to their advisor.
/// Calls go VIP -> directory -> advisor and never back: advisors and directories reach a VIP only by one-way calls,
/// so two grains can never wait on each other.
/// </summary>
public sealed class VipUserGrain(
    [PersistentState("vip")] IPersistentState<VipUserState> vip,
    PolicyStore policies,
    IOptions<VipOptions> options,
    ILogger<VipUserGrain> logger) : Grain, IVipUserGrain
{
    private bool _claimedGifts;

    private VipUserState State => vip.State;

    private ChurnPolicy Policy => policies.Active.Churn;

    private string UserId => GetPrimaryKeyString();

    /// <summary>
    /// Takes over the gifts the user gave before they had a grain (<see cref="IGifterLedgerGrain"/>); from now on the
    /// ledger passes their gifts on to this grain. A history taken over is evaluated by the next <see cref="Apply"/>,
    /// which a promotion by spend sends with no events.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await GrainFactory.GetGrain<IGifterLedgerGrain>(GifterPartitions.KeyOf(UserId)).Claim(UserId) is not { } history)
        {
            return;
        }

        EngagementLedger.RecordGiftDays(State, history.Days);
        State.Region ??= history.Region;
        vip.MarkDirty();
        _claimedGifts = true;
    }

    public async Task Apply(IReadOnlyList<LiveEvent> events)
    {
        var engaged = _claimedGifts;
        _claimedGifts = false;
        foreach (var e in events)
        {
            if (EngagementLedger.Record(State, e))
            {
                State.Region = e.Region;
                engaged = true;
            }
        }

        if (engaged)
        {
            vip.MarkDirty();
            await Evaluate();
        }
    }

    public Task<VipProfile> GetProfile()
    {
        var now = TimeProvider.GetUtcNow();
        var summary = Summarize(now);
        var spendTier = VipTiers.For(Policy, summary.Last30Days.Spend);
        return Task.FromResult(VipProfiles.Create(UserId, State, summary, spendTier, ChurnModel.Assess(summary, Policy), now));
    }

    public Task<VipHistory> GetHistory()
    {
        var now = TimeProvider.GetUtcNow();
        return Task.FromResult(VipHistories.Create(UserId, State, Summarize(now), now));
    }

    public async Task<VipProfile> Assign(string advisorId, VipTier? tier)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(advisorId);
        var region = State.DirectoryRegion ?? State.Region ?? Region.OTHER;
        Accept(await Directory(region).Assign(UserId, advisorId, tier));
        return await GetProfile();
    }

    public Task AcceptAssignment(VipAssignment assignment)
    {
        Accept(assignment);
        return Task.CompletedTask;
    }

    public async Task OnNudgeChanged(Nudge nudge)
    {
        if (State.Nudge is not { } track || track.NudgeId != nudge.Id || nudge.Version <= track.Version)
        {
            return;
        }

        track.Status = nudge.Status;
        track.SnoozedUntil = nudge.SnoozedUntil;
        track.ContactedAt = nudge.ContactedAt;
        track.Version = nudge.Version;
        if (nudge.Status == NudgeStatus.Resolved)
        {
            track.ResolvedAt = nudge.UpdatedAt;
        }

        vip.MarkDirty();
        await CheckWinBack();
    }

    public Task Reassess() => Evaluate();

    private async Task Evaluate()
    {
        var now = TimeProvider.GetUtcNow();
        var summary = Summarize(now);
        if (State.AdvisorId is null && !await TryAssignAutomatically(summary))
        {
            return;
        }

        await CheckWinBack();
        var assessment = ChurnModel.Assess(summary, Policy);
        if (NudgePolicy.Decide(assessment, State.Nudge, now, Policy) == NudgeDecision.Send)
        {
            await SendNudge(assessment);
        }
    }

    /// <summary>A VIP by spend without an advisor goes to the least-loaded advisor of its region.</summary>
    private async Task<bool> TryAssignAutomatically(EngagementSummary summary)
    {
        if (State.Region is not { } region || VipTiers.For(Policy, summary.Last30Days.Spend) == VipTier.None)
        {
            return false;
        }

        if (await Directory(region).AssignLeastLoaded(UserId) is not { } assignment)
        {
            return false;
        }

        Accept(assignment);
        logger.LogInformation("VIP {UserId} assigned to advisor {AdvisorId} of {Region}, the least loaded", UserId, assignment.AdvisorId, region);
        return true;
    }

    private async Task SendNudge(ChurnAssessment assessment)
    {
        var advisorId = State.AdvisorId!;
        var nudge = await GrainFactory.GetGrain<IAdvisorGrain>(advisorId).AddNudge(UserId, assessment.Risk, assessment.Texts, assessment.Details);
        State.Nudge = new NudgeTrack
        {
            NudgeId = nudge.Id,
            AdvisorId = advisorId,
            Factors = [.. assessment.Factors],
            Status = nudge.Status,
            CreatedAt = nudge.CreatedAt,
            Version = nudge.Version,
        };
        State.NudgesSent++;
        vip.MarkDirty();
        logger.LogInformation("VIP {UserId} at churn risk {Risk} nudged advisor {AdvisorId} ({NudgeId})", UserId, assessment.Risk, advisorId, nudge.Id);
    }

    private async Task CheckWinBack()
    {
        if (State.Nudge is not { } track
            || NudgePolicy.WonBackAt(track, State.LastSessionAt, State.LastGiftAt, options.Value.WinBackWindow) is not { } back)
        {
            return;
        }

        track.WonBackAt = back;
        State.WonBackAt = back;
        vip.MarkDirty();
        await GrainFactory.GetGrain<IAdvisorGrain>(track.AdvisorId).RecordWinBack(track.NudgeId, back);
        logger.LogInformation("VIP {UserId} won back at {WonBackAt} after advisor {AdvisorId} made contact", UserId, back, track.AdvisorId);
    }

    private void Accept(VipAssignment assignment)
    {
        State.AdvisorId = assignment.AdvisorId;
        State.AssignedTier = assignment.Tier;
        State.DirectoryRegion = assignment.Region;
        vip.MarkDirty();
    }

    private EngagementSummary Summarize(DateTimeOffset now) =>
        EngagementLedger.Summarize(State, now, options.Value.RecentDays, options.Value.BaselineDays);

    private IAdvisorDirectoryGrain Directory(Region region) => GrainFactory.GetGrain<IAdvisorDirectoryGrain>(region.ToString());
}
