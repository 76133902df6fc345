using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Vips;
using Vigil.Grains.Tests.Infrastructure;

namespace Vigil.Grains.Tests.Vips;

public sealed class AdvisorDirectoryTests
{
    [Fact]
    public async Task AVipWithoutAnAdvisorGoesToTheLeastLoadedAdvisorOfItsRegion()
    {
        await using var silo = await GrainTestSilo.StartAsync(policyJson: VipTestPolicy.Json);
        var mena = silo.Grain<IAdvisorDirectoryGrain>("MENA");
        await mena.ImportRoster("u-a1,adv-a,\nu-a2,adv-a,\nu-b1,adv-b,\n");
        await mena.AddAdvisor("adv-c");

        var first = await AVipSpending(silo, "u-new-1", Region.MENA);
        var second = await AVipSpending(silo, "u-new-2", Region.MENA);
        var elsewhere = await AVipSpending(silo, "u-na", Region.NA);

        Assert.Equal("adv-c", first.AdvisorId);
        Assert.Equal("adv-b", second.AdvisorId);
        Assert.Null(elsewhere.AdvisorId);
        Assert.Equal([new AdvisorLoad("adv-a", 2), new AdvisorLoad("adv-b", 2), new AdvisorLoad("adv-c", 1)], await mena.GetAdvisors());
        Assert.Equal(["u-b1", "u-new-2"], await silo.Grain<IAdvisorGrain>("adv-b").GetPortfolio());
    }

    [Fact]
    public async Task AUserBelowTheLowestTierIsNotGivenAnAdvisor()
    {
        await using var silo = await GrainTestSilo.StartAsync(policyJson: VipTestPolicy.Json);
        await silo.Grain<IAdvisorDirectoryGrain>("MENA").AddAdvisor("adv-a");
        var vip = silo.Grain<IVipUserGrain>("u-small");

        await vip.Apply([VipEvents.Gift("u-small", 4_000, silo.Time.GetUtcNow())]);

        Assert.Null((await vip.GetProfile()).AdvisorId);
    }

    [Fact]
    public async Task ARosterWithABadLineReportsItsLineAndFieldAndAppliesTheRest()
    {
        await using var silo = await GrainTestSilo.StartAsync(policyJson: VipTestPolicy.Json);
        var eu = silo.Grain<IAdvisorDirectoryGrain>("EU");

        var result = await eu.ImportRoster("userId,advisorId,tier\nu-1,adv-1,gold\nu-2,adv-1,diamond\nu-3,adv-2,\n");

        Assert.Equal(2, result.Applied);
        Assert.Equal(["u-1", "u-3"], result.AppliedUserIds);
        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "tier"), (error.Line, error.Field));
        var profile = await silo.Grain<IVipUserGrain>("u-1").GetProfile();
        Assert.Equal(("adv-1", VipTier.Gold), (profile.AdvisorId, profile.Tier));
        Assert.Equal(["u-1"], await silo.Grain<IAdvisorGrain>("adv-1").GetPortfolio());
        Assert.Null(await eu.GetAssignment("u-2"));
        Assert.Equal("adv-2", (await eu.GetAssignment("u-3"))!.AdvisorId);
    }

    [Fact]
    public async Task AnAdminReassigningAVipMovesItBetweenPortfolios()
    {
        await using var silo = await GrainTestSilo.StartAsync(policyJson: VipTestPolicy.Json);
        await silo.Grain<IAdvisorDirectoryGrain>("MENA").ImportRoster("u-1,adv-1,silver");
        var vip = silo.Grain<IVipUserGrain>("u-1");
        await vip.Apply([VipEvents.Gift("u-1", 100, silo.Time.GetUtcNow())]);

        var profile = await vip.Assign("adv-2", VipTier.Platinum);

        Assert.Equal(("adv-2", VipTier.Platinum, VipTier.None), (profile.AdvisorId, profile.Tier, profile.SpendTier));
        Assert.Empty(await silo.Grain<IAdvisorGrain>("adv-1").GetPortfolio());
        Assert.Equal(["u-1"], await silo.Grain<IAdvisorGrain>("adv-2").GetPortfolio());
    }

    private static async Task<VipProfile> AVipSpending(GrainTestSilo silo, string user, Region region)
    {
        var vip = silo.Grain<IVipUserGrain>(user);
        await vip.Apply([VipEvents.Gift(user, 6_000, silo.Time.GetUtcNow(), region)]);
        return await vip.GetProfile();
    }
}
