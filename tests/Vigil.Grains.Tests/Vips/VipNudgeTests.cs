using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Reasons;
using Vigil.Grains.Contracts.Vips;
using Vigil.Grains.Tests.Infrastructure;
using Vigil.Grains.Tests.Reasons;

namespace Vigil.Grains.Tests.Vips;

/// <summary>A VIP whose churn risk crosses the threshold nudges their advisor: once per reason set, with a cooldown, never while snoozed.</summary>
public sealed class VipNudgeTests
{
    private const string Advisor = "adv-1";

    [Fact]
    public async Task AVipWhoStoppedComingNudgesTheirAdvisorWithTheReasons()
    {
        await using var silo = await StartAsync();

        var (vip, advisor) = await AVipWhoStopped(silo, "u-stopped");

        var nudge = Assert.Single(await advisor.GetNudges());
        Assert.Equal(("u-stopped", NudgeStatus.Open), (nudge.UserId, nudge.Status));
        Assert.Contains("no session for 12 days", nudge.Reasons);
        ReasonAssert.EveryReasonHasADetail(nudge.Reasons, nudge.ReasonDetails);
        Assert.Contains(new ReasonDetail(ReasonCodes.NoSession, new Dictionary<string, string> { ["days"] = "12" }), nudge.ReasonDetails);
        var profile = await vip.GetProfile();
        ReasonAssert.EveryReasonHasADetail(profile.Reasons, profile.ReasonDetails);
        Assert.Equal((Advisor, nudge.Id), (profile.AdvisorId, profile.LastNudgeId));
        Assert.True(profile.ChurnRisk >= 60, $"risk was {profile.ChurnRisk}");
    }

    [Fact]
    public async Task TheSameReasonsDoNotNudgeTwiceWhileTheNudgeIsOpen()
    {
        await using var silo = await StartAsync();
        var (vip, advisor) = await AVipWhoStopped(silo, "u-dedup");
        silo.Time.Advance(TimeSpan.FromDays(4));

        await vip.Apply([VipEvents.Survey("u-dedup", 4, silo.Time.GetUtcNow())]);

        Assert.Single(await advisor.GetNudges());
    }

    [Fact]
    public async Task ANewReasonWithinTheCooldownWaitsAndNudgesOnceTheCooldownHasPassed()
    {
        await using var silo = await StartAsync();
        var (vip, advisor) = await AVipWhoStopped(silo, "u-cooldown");
        var now = silo.Time.GetUtcNow();

        await vip.Apply([VipEvents.Complaint("u-cooldown", "t-1", now), VipEvents.Complaint("u-cooldown", "t-2", now)]);
        Assert.Single(await advisor.GetNudges());

        silo.Time.Advance(TimeSpan.FromHours(73));
        await vip.Apply([VipEvents.Survey("u-cooldown", 4, silo.Time.GetUtcNow())]);

        var nudges = await advisor.GetNudges();
        Assert.Equal(2, nudges.Count);
        Assert.Contains(nudges, n => n.Reasons.Contains("2 open complaints, oldest 3 days"));
    }

    [Fact]
    public async Task AResolvedNudgeIsNotRaisedAgainUntilTheCooldownHasPassed()
    {
        await using var silo = await StartAsync();
        var (vip, advisor) = await AVipWhoStopped(silo, "u-resolved");
        var first = Assert.Single(await advisor.GetNudges());
        silo.Time.Advance(TimeSpan.FromHours(70));
        await advisor.Resolve(first.Id);

        // The advisor tells the VIP with a one-way call, which may still wait for the VIP's (re)activation; a call
        // queued behind it returns once it has run, before the fake clock leaps past every request's timeout.
        await vip.GetProfile();
        silo.Time.Advance(TimeSpan.FromHours(4));
        await vip.Apply([VipEvents.Survey("u-resolved", 4, silo.Time.GetUtcNow())]);
        Assert.Empty(await advisor.GetNudges());

        silo.Time.Advance(TimeSpan.FromHours(70));
        await vip.Apply([VipEvents.Survey("u-resolved", 4, silo.Time.GetUtcNow())]);
        var second = Assert.Single(await advisor.GetNudges());
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task ASnoozeHoldsBackNewNudgesUntilItEnds()
    {
        await using var silo = await StartAsync();
        var (vip, advisor) = await AVipWhoStopped(silo, "u-snoozed");
        var first = Assert.Single(await advisor.GetNudges());
        await advisor.Snooze(first.Id, silo.Time.GetUtcNow().AddDays(5));
        await vip.GetProfile(); // the VIP has taken the advisor's one-way news before the clock moves

        silo.Time.Advance(TimeSpan.FromDays(4));
        await vip.Apply([VipEvents.Complaint("u-snoozed", "t-1", silo.Time.GetUtcNow())]);
        Assert.Equal(NudgeStatus.Snoozed, Assert.Single(await advisor.GetNudges()).Status);

        silo.Time.Advance(TimeSpan.FromDays(1.5));
        Assert.Equal(NudgeStatus.Open, (await advisor.GetNudge(first.Id)).Status);
        await vip.Apply([VipEvents.Survey("u-snoozed", 4, silo.Time.GetUtcNow())]);

        var nudges = await advisor.GetNudges();
        Assert.Equal(2, nudges.Count);
        Assert.All(nudges, n => Assert.Equal(NudgeStatus.Open, n.Status));
    }

    [Fact]
    public async Task AVipWhoComesBackAfterTheAdvisorsContactIsRecordedAsWonBack()
    {
        await using var silo = await StartAsync();
        var (vip, advisor) = await AVipWhoStopped(silo, "u-winback");
        var nudge = Assert.Single(await advisor.GetNudges());
        await advisor.MarkContacted(nudge.Id);
        await vip.GetProfile(); // the VIP has taken the advisor's one-way news before the clock moves

        silo.Time.Advance(TimeSpan.FromDays(2));
        var now = silo.Time.GetUtcNow();
        await vip.Apply([VipEvents.SessionStart("u-winback", now.AddMinutes(-30)), VipEvents.Gift("u-winback", 2_000, now.AddMinutes(-10))]);

        Assert.Equal(now.AddMinutes(-10), (await vip.GetProfile()).WonBackAt);
        Assert.Equal(now.AddMinutes(-10), (await advisor.GetNudge(nudge.Id)).WonBackAt);
    }

    [Fact]
    public async Task ComingBackWithoutAnAdvisorsContactIsNotAWinBack()
    {
        await using var silo = await StartAsync();
        var (vip, _) = await AVipWhoStopped(silo, "u-back-alone");

        var now = silo.Time.GetUtcNow();
        await vip.Apply([VipEvents.SessionStart("u-back-alone", now), VipEvents.Gift("u-back-alone", 2_000, now)]);

        Assert.Null((await vip.GetProfile()).WonBackAt);
    }

    [Fact]
    public async Task TheDailyPortfolioSweepNudgesAVipWhoSimplyStopsSendingEvents()
    {
        await using var silo = await StartAsync(o => o.PortfolioReassessInterval = TimeSpan.FromDays(1));
        await using var feed = new FeedProbe(silo.Feed);
        await silo.Grain<IAdvisorDirectoryGrain>("MENA").AddAdvisor(Advisor);
        var vip = silo.Grain<IVipUserGrain>("u-quiet");
        await vip.Apply(VipEvents.History("u-quiet", silo.Time.GetUtcNow(), VipEvents.Steady(40, 1_000)));
        Assert.Empty(await silo.Grain<IAdvisorGrain>(Advisor).GetNudges());

        // The advisor ticks every 5 minutes, but a tick's turn may run while the fake clock is still early in its 12-day
        // jump; after a read (a turn that ends any pending tick) one more tick comes at the final time.
        silo.Time.Advance(TimeSpan.FromDays(12));
        await silo.Grain<IAdvisorGrain>(Advisor).GetNudges();
        silo.Time.Advance(TimeSpan.FromMinutes(6));

        var raised = await feed.WaitFor(c => c.Change == "raised", "a nudge raised by the portfolio sweep");
        Assert.Equal("u-quiet", raised.Nudge.UserId);
    }

    private static Task<GrainTestSilo> StartAsync(Action<Grains.Vips.VipOptions>? vips = null) =>
        GrainTestSilo.StartAsync(vips: vips, policyJson: VipTestPolicy.Json);

    /// <summary>
    /// A MENA VIP (1,000 coins and a session a day for 48 days) silent for the last 12 days: 25 + 20 + 12.9 + 5.7 = 64
    /// points, over the threshold of 60; the directory's only advisor gets them and the nudge.
    /// </summary>
    private static async Task<(IVipUserGrain Vip, IAdvisorGrain Advisor)> AVipWhoStopped(GrainTestSilo silo, string user)
    {
        await silo.Grain<IAdvisorDirectoryGrain>("MENA").AddAdvisor(Advisor);
        var vip = silo.Grain<IVipUserGrain>(user);
        await vip.Apply(VipEvents.History(user, silo.Time.GetUtcNow().AddDays(-12), VipEvents.Steady(48, 1_000)));
        return (vip, silo.Grain<IAdvisorGrain>(Advisor));
    }
}
