using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Policy;

namespace Vigil.Grains.Tests.Policy;

public sealed class PolicyEvaluatorTests
{
    private static readonly CompiledPolicy Policy = DefaultPolicy.Compiled;
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MinorSafetyWithStrongEvidenceIsP1()
    {
        var evidence = default(CategoryEvidence).WithScore(Policy, 0.95, Now);

        var risk = PolicyEvaluator.Combine(Policy, Category.MinorSafety, evidence, Now);

        Assert.Equal(Severity.P1, PolicyEvaluator.SeverityFor(Policy, Category.MinorSafety, risk.Risk, Region.NA));
        Assert.True(PolicyEvaluator.WouldAlert(Policy, Region.NA, risk));
    }

    [Theory]
    [InlineData(Category.SelfHarm)]
    [InlineData(Category.Violence)]
    public void SelfHarmAndViolenceWithStrongEvidenceAreP1(Category category)
    {
        var evidence = default(CategoryEvidence).WithScore(Policy, 0.95, Now).WithScore(Policy, 0.9, Now);

        var risk = PolicyEvaluator.Combine(Policy, category, evidence, Now);

        Assert.Equal(Severity.P1, PolicyEvaluator.SeverityFor(Policy, category, risk.Risk, Region.EU));
    }

    [Fact]
    public void SpamIsNeverP1()
    {
        Assert.Equal(Severity.P3, PolicyEvaluator.SeverityFor(Policy, Category.Spam, 1.0, Region.EU));
    }

    [Fact]
    public void WeakEvidenceIsP4()
    {
        Assert.Equal(Severity.P4, PolicyEvaluator.SeverityFor(Policy, Category.Hate, 0.3, Region.EU));
    }

    [Fact]
    public void MenaAlertsOnHateEarlierThanOtherRegions()
    {
        var risk = new CategoryRisk(Category.Hate, 0.62, 0.62, 0, 0, 0.65, 0, 0, EvidenceCount: 3);

        Assert.True(PolicyEvaluator.WouldAlert(Policy, Region.MENA, risk));
        Assert.False(PolicyEvaluator.WouldAlert(Policy, Region.EU, risk));
    }

    [Fact]
    public void DecayHalvesRiskAfterOneHalfLife()
    {
        var evidence = default(CategoryEvidence).WithScore(Policy, 0.8, Now);

        var fresh = PolicyEvaluator.Combine(Policy, Category.Nudity, evidence, Now);
        var later = PolicyEvaluator.Combine(Policy, Category.Nudity, evidence, Now + Policy.AutomatedScoreHalfLife);

        Assert.Equal(0.95 * 0.8, fresh.Risk, precision: 12);
        Assert.Equal(fresh.Risk / 2, later.Risk, precision: 12);
    }

    [Fact]
    public void LateEvidenceCountsAsIfItHadArrivedInOrder()
    {
        var halfLife = TimeSpan.FromMinutes(30);
        var inOrder = default(DecayingValue).Add(1, Now, halfLife).Add(1, Now.AddMinutes(10), halfLife);
        var late = default(DecayingValue).Add(1, Now.AddMinutes(10), halfLife).Add(1, Now, halfLife);

        Assert.Equal(inOrder.ValueAt(Now.AddHours(1), halfLife), late.ValueAt(Now.AddHours(1), halfLife), precision: 12);
    }

    [Fact]
    public void ReportsSaturateAtTheHalfSaturationCount()
    {
        var evidence = default(CategoryEvidence);
        for (var i = 0; i < 3; i++)
        {
            evidence = evidence.WithReport(Policy, Now);
        }

        var risk = PolicyEvaluator.Combine(Policy, Category.Harassment, evidence, Now);

        Assert.Equal(0.75 * 0.5, risk.Risk, precision: 12); // reportWeight x 3 / (3 + 3)
    }

    [Fact]
    public void IndependentSourcesCombineAsNoisyOr()
    {
        var evidence = default(CategoryEvidence).WithScore(Policy, 0.6, Now).WithReport(Policy, Now).WithReport(Policy, Now).WithReport(Policy, Now);

        var risk = PolicyEvaluator.Combine(Policy, Category.Drugs, evidence, Now);

        Assert.Equal(1 - ((1 - (0.95 * 0.6)) * (1 - 0.375)), risk.Risk, precision: 12);
        Assert.Equal(2, risk.Reasons().Count);
        Assert.StartsWith("drugs classifier score 0.60 (decayed peak) adds 0.57", risk.Reasons()[0]);
    }

    [Fact]
    public void ASingleClassifierFrameWatchesButDoesNotAlert()
    {
        var once = default(CategoryEvidence).WithScore(Policy, 0.85, Now);
        var twice = once.WithScore(Policy, 0.85, Now.AddSeconds(5));

        var afterOne = PolicyEvaluator.StateFor(Policy, Region.EU, PolicyEvaluator.Combine(Policy, Category.Nudity, once, Now), RoomState.Normal);
        var afterTwo = PolicyEvaluator.StateFor(Policy, Region.EU, PolicyEvaluator.Combine(Policy, Category.Nudity, twice, Now.AddSeconds(5)), afterOne);

        Assert.Equal(RoomState.Watch, afterOne);
        Assert.Equal(RoomState.Alert, afterTwo);
    }

    [Fact]
    public void AnAlertHoldsUntilRiskFallsBelowTheThresholdMinusHysteresis()
    {
        var justBelow = new CategoryRisk(Category.Nudity, 0.67, 0.67, 0, 0, 0.7, 0, 0, EvidenceCount: 4);
        var wellBelow = justBelow with { Risk = 0.64 };

        Assert.Equal(RoomState.Alert, PolicyEvaluator.StateFor(Policy, Region.EU, justBelow, RoomState.Alert));
        Assert.Equal(RoomState.Watch, PolicyEvaluator.StateFor(Policy, Region.EU, justBelow, RoomState.Normal));
        Assert.Equal(RoomState.Watch, PolicyEvaluator.StateFor(Policy, Region.EU, wellBelow, RoomState.Alert));
    }

    [Fact]
    public void ARoomIsEscalatedWhileAnAlertIsUnacknowledgedPastItsSla()
    {
        var raisedAt = Now;
        var pastSla = PolicyEvaluator.IsPastSla(Policy, Severity.P1, raisedAt, Now.AddSeconds(61));
        CategoryRisk[] risks = [new(Category.Hate, 0.72, 0.72, 0, 0, 0.76, 0, 0, EvidenceCount: 3)];

        var state = PolicyEvaluator.StateFor(Policy, Region.EU, risks, RoomState.Alert, pastSla);

        Assert.Equal(Now.AddMinutes(1), PolicyEvaluator.AcknowledgeBy(Policy, Severity.P1, raisedAt));
        Assert.True(pastSla);
        Assert.Equal(RoomState.Escalated, state);
    }

    [Fact]
    public void TheRoomTakesTheWorstStateOfItsCategories()
    {
        CategoryRisk[] risks =
        [
            new(Category.Spam, 0.1, 0.1, 0, 0, 0.1, 0, 0, EvidenceCount: 1),
            new(Category.MinorSafety, 0.55, 0.55, 0, 0, 0.58, 0, 0, EvidenceCount: 1),
        ];

        var state = PolicyEvaluator.StateFor(Policy, Region.EU, risks, RoomState.Normal, alertPastSla: false);

        Assert.Equal(RoomState.Alert, state);
    }

    [Fact]
    public void ChatKeywordHitsOfTheCategoryRaiseItsEvidence()
    {
        var hits = Policy.Screener.Screen("how old are you? are you alone?");

        var evidence = default(CategoryEvidence).WithKeywordHits(Policy, Category.MinorSafety, hits, Now);

        Assert.Equal(2, evidence.EvidenceCount);
        Assert.Equal(2, evidence.KeywordHits.ValueAt(Now, Policy.ChatKeywordHalfLife), precision: 12);
    }

    [Fact]
    public void VipTierFollowsThirtyDaySpend()
    {
        Assert.Null(Policy.Churn.TierFor(4999));
        Assert.Equal("gold", Policy.Churn.TierFor(20000)?.Name);
        Assert.Equal("platinum", Policy.Churn.TierFor(1e9)?.Name);
    }
}
