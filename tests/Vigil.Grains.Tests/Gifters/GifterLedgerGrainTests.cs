using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Gifters;
using Vigil.Grains.Contracts.Vips;
using Vigil.Grains.Tests.Infrastructure;
using Vigil.Grains.Tests.Vips;

namespace Vigil.Grains.Tests.Gifters;

/// <summary>
/// Gifts of users without a VIP grain wait in their ledger partition until the user's 30-day spend reaches the lowest
/// VIP tier (5,000 coins in the test policy) or their grain activates for another reason; either way the grain takes
/// them over and the VIP's spend is what it would have been had every gift gone to the grain.
/// </summary>
public sealed class GifterLedgerGrainTests
{
    [Fact]
    public async Task SmallGiftsAreKeptAndTheUsersGrainTakesThemOverWhenItActivates()
    {
        await using var silo = await GrainTestSilo.StartAsync(policyJson: VipTestPolicy.Json);
        var now = silo.Time.GetUtcNow();

        var routing = await LedgerOf(silo, "u-small").Record([VipEvents.Gift("u-small", 300, now.AddDays(-3)), VipEvents.Gift("u-small", 200, now.AddHours(-1))]);
        var profile = await silo.Grain<IVipUserGrain>("u-small").GetProfile();

        Assert.Same(GiftRouting.Kept, routing);
        Assert.Equal((2, 500.0), (profile.Engagement.Gifts30Days, profile.Engagement.Spend30Days));
        Assert.Equal((VipTier.None, Region.MENA), (profile.SpendTier, profile.Region));
    }

    [Fact]
    public async Task SpendReachingTheLowestTierWithin30DaysPromotesTheUserUntilTheirGrainClaimsTheGifts()
    {
        await using var silo = await GrainTestSilo.StartAsync(policyJson: VipTestPolicy.Json);
        var ledger = LedgerOf(silo, "u-rising");
        var now = silo.Time.GetUtcNow();

        var below = await ledger.Record([VipEvents.Gift("u-rising", 4_000, now.AddDays(-20))]);
        var reached = await ledger.Record([VipEvents.Gift("u-rising", 1_000, now.AddDays(-1))]);
        var again = await ledger.Record([VipEvents.Gift("u-rising", 10, now)]);
        await silo.Grain<IVipUserGrain>("u-rising").Apply([]);
        var afterClaim = await ledger.Record([VipEvents.Gift("u-rising", 20, now)]);

        Assert.Empty(below.Promoted);
        Assert.Equal(["u-rising"], reached.Promoted);
        Assert.Equal(["u-rising"], again.Promoted);
        Assert.Equal((0, 1), (afterClaim.Promoted.Count, afterClaim.Forward.Count));
        var profile = await silo.Grain<IVipUserGrain>("u-rising").GetProfile();
        Assert.Equal((3, 5_010.0, VipTier.Silver), (profile.Engagement.Gifts30Days, profile.Engagement.Spend30Days, profile.SpendTier));
    }

    [Fact]
    public async Task SpendSpreadOverMoreThan30DaysDoesNotPromote()
    {
        await using var silo = await GrainTestSilo.StartAsync(policyJson: VipTestPolicy.Json);
        var now = silo.Time.GetUtcNow();

        var routing = await LedgerOf(silo, "u-slow").Record([VipEvents.Gift("u-slow", 3_000, now.AddDays(-31)), VipEvents.Gift("u-slow", 3_000, now)]);

        Assert.Empty(routing.Promoted);
    }

    [Fact]
    public async Task AClaimedUsersGiftsAreHandedBackAndTheClaimIsKeptAcrossARestart()
    {
        var silo = await GrainTestSilo.StartAsync(policyJson: VipTestPolicy.Json);
        var now = silo.Time.GetUtcNow();
        await silo.Grain<IVipUserGrain>("u-known").GetProfile();
        await silo.Runtime.FlushAsync();
        silo = await silo.RestartAsync();
        await using var _ = silo;

        var gift = VipEvents.Gift("u-known", 50, now);
        var routing = await LedgerOf(silo, "u-known").Record([gift]);

        Assert.Equal([gift], routing.Forward);
        Assert.Empty(routing.Promoted);
    }

    [Fact]
    public async Task AUserWhoseLastGiftLeftThe60DayWindowIsForgotten()
    {
        await using var silo = await GrainTestSilo.StartAsync(policyJson: VipTestPolicy.Json);
        var now = silo.Time.GetUtcNow();
        var ledger = LedgerOf(silo, "u-gone");
        await ledger.Record([VipEvents.Gift("u-gone", 100, now.AddDays(-61))]);

        // Any later gift of the partition moves its newest day on and prunes; u-gone shares the partition with itself.
        await ledger.Record([VipEvents.Gift(SamePartitionAs("u-gone"), 1, now)]);
        var history = await ledger.Claim("u-gone");

        Assert.Null(history);
    }

    [Fact]
    public async Task AUsersDaysOlderThanTheRetainedWindowAreDroppedAndTheRestHandedOverInDateOrder()
    {
        await using var silo = await GrainTestSilo.StartAsync(policyJson: VipTestPolicy.Json);
        var now = silo.Time.GetUtcNow();
        var ledger = LedgerOf(silo, "u-long");
        await ledger.Record([VipEvents.Gift("u-long", 10, now.AddDays(-70)), VipEvents.Gift("u-long", 20, now), VipEvents.Gift("u-long", 30, now.AddDays(-59))]);

        var history = await ledger.Claim("u-long");

        Assert.Equal([(30.0, 1), (20.0, 1)], history!.Days.Select(d => (d.Coins, d.Gifts)));
    }

    [Fact]
    public async Task AnEventOtherThanAGiftIsRefusedWithItsIdAndType()
    {
        await using var silo = await GrainTestSilo.StartAsync(policyJson: VipTestPolicy.Json);
        var session = VipEvents.SessionStart("u-odd", silo.Time.GetUtcNow());

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => LedgerOf(silo, "u-odd").Record([session]));

        Assert.Contains(session.Id, refused.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(EventType.UserSession), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartitionsAreStableAndSpreadUsers()
    {
        var keys = Enumerable.Range(0, 100_000).Select(i => GifterPartitions.KeyOf("user-" + i)).ToArray();
        var sizes = keys.GroupBy(k => k).Select(g => g.Count()).ToArray();

        Assert.Equal(GifterPartitions.KeyOf("user-42"), keys[42]);
        Assert.Equal("0980", GifterPartitions.KeyOf("user-1")); // stored partitions depend on it: a change of hash would orphan them
        Assert.Equal(GifterPartitions.Count, sizes.Length);
        Assert.InRange(sizes.Max(), 1, 3 * 100_000 / GifterPartitions.Count);
    }

    private static IGifterLedgerGrain LedgerOf(GrainTestSilo silo, string userId) => silo.Grain<IGifterLedgerGrain>(GifterPartitions.KeyOf(userId));

    private static string SamePartitionAs(string userId) =>
        Enumerable.Range(0, 1_000_000).Select(i => "other-" + i).First(u => GifterPartitions.KeyOf(u) == GifterPartitions.KeyOf(userId));
}
