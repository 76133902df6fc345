using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Vips;
using Vigil.Grains.Tests.Infrastructure;

namespace Vigil.Grains.Tests.Vips;

public sealed class VipUserGrainTests
{
    [Fact]
    public async Task TheTierFollowsOnlyTheLast30DaysOfSpend()
    {
        await using var silo = await GrainTestSilo.StartAsync(policyJson: VipTestPolicy.Json);
        var vip = silo.Grain<IVipUserGrain>("u-tier");
        var now = silo.Time.GetUtcNow();

        await vip.Apply([VipEvents.Gift("u-tier", 30_000, now.AddDays(-40)), VipEvents.Gift("u-tier", 6_000, now.AddDays(-2))]);

        var profile = await vip.GetProfile();
        Assert.Equal((VipTier.Silver, VipTier.Silver), (profile.Tier, profile.SpendTier));
        Assert.Equal(6_000, profile.Engagement.Spend30Days);
    }

    [Fact]
    public async Task TheProfileShowsRecentEngagement()
    {
        await using var silo = await GrainTestSilo.StartAsync(policyJson: VipTestPolicy.Json);
        var vip = silo.Grain<IVipUserGrain>("u-engaged");
        var now = silo.Time.GetUtcNow();

        await vip.Apply(
        [
            .. VipEvents.History("u-engaged", now.AddDays(-3), VipEvents.Steady(10, 700)),
            VipEvents.Joined("u-engaged", "r-9", now.AddDays(-3).AddHours(1)),
            VipEvents.Left("u-engaged", "r-9", now.AddDays(-3).AddHours(2)),
            VipEvents.Complaint("u-engaged", "t-1", now.AddDays(-1)),
            VipEvents.Survey("u-engaged", 4, now.AddHours(-1)),
        ]);

        var engagement = (await vip.GetProfile()).Engagement;
        Assert.Equal(7_000, engagement.Spend30Days);
        Assert.Equal((10, 10), (engagement.Gifts30Days, engagement.Sessions30Days));
        Assert.Equal(10 * 30 + 60, engagement.Minutes30Days);
        // Watching room r-9 (until 12:00 three days ago) is the latest session: 2.9 days before 10:00 today.
        Assert.Equal((2.9, 1, 4), (engagement.DaysSinceLastSession, engagement.OpenComplaints, engagement.LastSurveyScore));
    }

    [Fact]
    public async Task AVipsEngagementAdvisorAndNudgeSurviveDeactivation()
    {
        var silo = await GrainTestSilo.StartAsync(policyJson: VipTestPolicy.Json);
        try
        {
            await silo.Grain<IAdvisorDirectoryGrain>("MENA").AddAdvisor("adv-1");
            var now = silo.Time.GetUtcNow();
            await silo.Grain<IVipUserGrain>("u-kept").Apply(VipEvents.History("u-kept", now.AddDays(-12), VipEvents.Steady(48, 1_000)));
            var before = await silo.Grain<IVipUserGrain>("u-kept").GetProfile();

            silo = await silo.RestartAsync();

            var after = await silo.Grain<IVipUserGrain>("u-kept").GetProfile();
            Assert.Equal(before with { Reasons = [], ReasonDetails = [] }, after with { Reasons = [], ReasonDetails = [] });
            Assert.Equal(before.Reasons, after.Reasons);
            Assert.Equal(before.ReasonDetails, after.ReasonDetails);
            Assert.Equal(before.LastNudgeId, Assert.Single(await silo.Grain<IAdvisorGrain>("adv-1").GetNudges()).Id);
        }
        finally
        {
            await silo.DisposeAsync();
        }
    }
}
