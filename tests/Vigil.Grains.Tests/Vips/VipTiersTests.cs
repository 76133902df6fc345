using Vigil.Grains.Contracts.Vips;
using Vigil.Grains.Vips;

namespace Vigil.Grains.Tests.Vips;

public sealed class VipTiersTests
{
    [Theory]
    [InlineData(0, VipTier.None)]
    [InlineData(4_999, VipTier.None)]
    [InlineData(5_000, VipTier.Silver)]
    [InlineData(19_999, VipTier.Silver)]
    [InlineData(20_000, VipTier.Gold)]
    [InlineData(250_000, VipTier.Platinum)]
    public void TheTierIsTheHighestPolicyBoundThe30DaySpendReaches(double spend, VipTier expected)
    {
        Assert.Equal(expected, VipTiers.For(VipTestPolicy.Churn, spend));
    }

    [Fact]
    public void APolicyTierWithoutOneOfOurNamesMapsByItsNumber()
    {
        var policy = VipTestPolicy.Churn with { VipTiers = [new() { Tier = 3, Name = "whale", MinSpend30Days = 1 }] };

        Assert.Equal(VipTier.Gold, VipTiers.For(policy, 10));
    }
}
