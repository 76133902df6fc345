using Vigil.Grains.Contracts.Vips;
using Vigil.Grains.Tests.Infrastructure;

namespace Vigil.Grains.Tests.Vips;

public sealed class VipHistoryTests
{
    [Fact]
    public async Task TheHistoryListsEachDaySinceTheVipWasFirstSeen()
    {
        await using var silo = await GrainTestSilo.StartAsync(policyJson: VipTestPolicy.Json);
        var vip = silo.Grain<IVipUserGrain>("u-days");
        var now = silo.Time.GetUtcNow();

        await vip.Apply([.. VipEvents.History("u-days", now.AddDays(-1), [100, 0, 250]), VipEvents.Gift("u-days", 50, now.AddHours(-1))]);

        var history = await vip.GetHistory();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        Assert.Equal([today.AddDays(-3), today.AddDays(-2), today.AddDays(-1), today], history.Days.Select(d => d.Day));
        Assert.Equal([100.0, 0, 250, 50], history.Days.Select(d => d.Spend));
        Assert.Equal([1, 0, 1, 1], history.Days.Select(d => d.Gifts));
        Assert.Equal([1, 1, 1, 0], history.Days.Select(d => d.Sessions));
        Assert.Equal(30, history.Days[0].Minutes);
    }

    [Fact]
    public async Task TheHistoryKeepsOnlyTheLast60Days()
    {
        await using var silo = await GrainTestSilo.StartAsync(policyJson: VipTestPolicy.Json);
        var vip = silo.Grain<IVipUserGrain>("u-long");
        var now = silo.Time.GetUtcNow();

        await vip.Apply(VipEvents.History("u-long", now, VipEvents.Steady(90, 10)));

        var history = await vip.GetHistory();
        Assert.Equal(60, history.Days.Count);
        Assert.Equal(DateOnly.FromDateTime(now.UtcDateTime), history.Days[^1].Day);
        Assert.All(history.Days, d => Assert.Equal(10, d.Spend));
    }

    [Fact]
    public async Task TheBaselineIsTheChurnModelsFourWeeksBeforeTheRecentWeek()
    {
        await using var silo = await GrainTestSilo.StartAsync(policyJson: VipTestPolicy.Json);
        var vip = silo.Grain<IVipUserGrain>("u-base");
        var now = silo.Time.GetUtcNow();

        // 28 baseline days at 700 a day, then a recent week at 100 a day: the baseline ignores the recent drop.
        await vip.Apply(VipEvents.History("u-base", now, [.. VipEvents.Steady(28, 700), .. VipEvents.Steady(7, 100)]));

        var baseline = (await vip.GetHistory()).Baseline;
        Assert.Equal((700, 1, 28), (baseline.SpendPerDay, baseline.SessionsPerDay, baseline.Days));
    }
}
