using Vigil.Grains.Contracts.Broadcasters;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Tests.Infrastructure;

namespace Vigil.Grains.Tests.Broadcasters;

public sealed class BroadcasterGrainTests
{
    [Fact]
    public async Task ARunOfRecentDecisionsMakesARepeatOffenderHigherOnTheLadder()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var now = silo.Time.GetUtcNow();
        var broadcaster = silo.Grain<IBroadcasterGrain>("b-repeat");

        await broadcaster.Apply([
            Events.Decision("b-repeat", ModerationAction.Warn, Category.Spam, now.AddDays(-3)),
            Events.Decision("b-repeat", ModerationAction.EndStream, Category.Nudity, now.AddDays(-2)),
            Events.Decision("b-repeat", ModerationAction.EndStream, Category.Nudity, now.AddDays(-1)),
        ]);
        var standing = await broadcaster.GetState();

        Assert.True(standing.RepeatOffender);
        Assert.Equal(3, standing.RecentEnforcements);
        Assert.Equal(EnforcementStep.LongerBan, standing.SuggestedStep);
        Assert.Contains("repeat offender", standing.SuggestionReason);
        Assert.Equal(3, standing.History.Count);
    }

    [Fact]
    public async Task StrikesDecaySoAnOldWarningFades()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var broadcaster = silo.Grain<IBroadcasterGrain>("b-old");
        await broadcaster.Apply([Events.Decision("b-old", ModerationAction.Suspend, Category.Hate, silo.Time.GetUtcNow())]);
        var fresh = await broadcaster.GetState();

        silo.Time.Advance(TimeSpan.FromDays(60));
        var later = await broadcaster.GetState();

        Assert.Equal(4, fresh.Strikes);
        Assert.Equal(EnforcementStep.TemporaryLiveBan, fresh.SuggestedStep);
        Assert.Equal(1, later.Strikes);
        Assert.Equal(EnforcementStep.Warn, later.SuggestedStep);
        Assert.False(later.RepeatOffender);
    }

    [Fact]
    public async Task TheSameDecisionSentTwiceCountsOnce()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var broadcaster = silo.Grain<IBroadcasterGrain>("b-dup");
        var decision = Events.Decision("b-dup", ModerationAction.Ban, Category.MinorSafety, silo.Time.GetUtcNow());

        await broadcaster.Apply([decision]);
        await broadcaster.Apply([decision with { Id = "another-event-id" }]);

        Assert.Single((await broadcaster.GetState()).History);
    }
}
