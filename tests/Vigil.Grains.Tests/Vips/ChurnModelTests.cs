using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Reasons;
using Vigil.Grains.Tests.Reasons;
using Vigil.Grains.Vips;

namespace Vigil.Grains.Tests.Vips;

public sealed class ChurnModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ALoyalUserWithSteadySpendAndDailySessionsStaysLowRisk()
    {
        var events = VipEvents.History("u-loyal", Now, VipEvents.Steady(60, 1_000));

        var assessment = Assess(events);

        Assert.True(assessment.Risk <= 5, $"risk was {assessment.Risk}");
        Assert.Empty(assessment.Reasons);
    }

    [Fact]
    public void ASlowDriftInSpendIsNamedAsSpendDownAgainstTheUsersOwnAverage()
    {
        // Spend falls from 2,000 to 200 coins a day over 8 weeks while the user still comes every day.
        var drift = Enumerable.Range(0, 56).Select(i => 2_000 - 1_800 * i / 55.0).ToArray();
        var events = VipEvents.History("u-drift", Now, drift);

        var assessment = Assess(events);

        var reason = Assert.Single(assessment.Reasons);
        Assert.Equal(ChurnFactor.SpendTrend, reason.Factor);
        Assert.Equal("spend down 66% vs their 4-week average", reason.Text);
        Assert.Equal(25, assessment.Risk);
    }

    [Fact]
    public void ADriftTheBaselineHasAbsorbedIsCaughtByComparingThirtyDayWindows()
    {
        // Four weeks at 1,000 a day, then four weeks at 450: the recent week matches the (already lower) baseline.
        var events = VipEvents.History("u-step", Now, [.. VipEvents.Steady(28, 1_000), .. VipEvents.Steady(28, 450)]);

        var assessment = Assess(events);

        var reason = Assert.Single(assessment.Reasons);
        Assert.StartsWith("spend down ", reason.Text, StringComparison.Ordinal);
        Assert.EndsWith("% over the last 30 days vs the 30 before", reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAbruptStopIsExplainedByTheSilenceAndTheDrop()
    {
        var events = VipEvents.History("u-stop", Now.AddDays(-9), VipEvents.Steady(50, 1_000));

        var assessment = Assess(events);

        Assert.Equal(
            ["spend down 100% vs their 4-week average", "sessions down 100% vs their 4-week average", "no session for 9 days", "no gift for 9 days"],
            assessment.Texts);
        Assert.Equal(
            [ReasonCodes.SpendDown, ReasonCodes.SessionsDown, ReasonCodes.NoSession, ReasonCodes.NoGift],
            assessment.Details.Select(d => d.Code));

        // 25 + 20 + 15 x 9.06/14 + 10 x 9.07/21 points.
        Assert.Equal(59, assessment.Risk);
    }

    [Fact]
    public void OpenComplaintsAndALowSurveyAreNamedWithTheirAgeAndScore()
    {
        var events = VipEvents.History("u-upset", Now, VipEvents.Steady(60, 1_000)).Concat(
        [
            VipEvents.Complaint("u-upset", "t-1", Now.AddDays(-6)),
            VipEvents.Complaint("u-upset", "t-2", Now.AddDays(-2)),
            VipEvents.Complaint("u-upset", "t-3", Now.AddDays(-3)),
            VipEvents.Resolved("u-upset", "t-3", Now.AddDays(-1)),
            VipEvents.Survey("u-upset", 1, Now.AddHours(-5)),
        ]);

        var assessment = Assess(events);

        Assert.Equal(["2 open complaints, oldest 6 days", "last survey 1/5"], assessment.Texts);
        ReasonAssert.EveryReasonHasADetail(assessment.Texts, assessment.Details);
        Assert.Equal([ReasonCodes.OpenComplaints, ReasonCodes.LowSurvey], assessment.Details.Select(d => d.Code));
    }

    [Fact]
    public void ANewcomerHasNoTrendUntilTheirBaselineCoversAWeek()
    {
        var events = VipEvents.History("u-new", Now.AddDays(-3), VipEvents.Steady(4, 5_000));

        var assessment = Assess(events);

        Assert.DoesNotContain(assessment.Reasons, r => r.Factor is ChurnFactor.SpendTrend or ChurnFactor.SessionTrend);
    }

    private static ChurnAssessment Assess(IEnumerable<LiveEvent> events)
    {
        var state = new VipUserState();
        foreach (var e in events)
        {
            EngagementLedger.Record(state, e);
        }

        return ChurnModel.Assess(EngagementLedger.Summarize(state, Now, recentDays: 7, baselineDays: 28), VipTestPolicy.Churn);
    }
}
