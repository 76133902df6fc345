using Vigil.Simulator.Tests.Support;
using Vigil.Simulator.Truth;

namespace Vigil.Simulator.Tests;

public sealed class VipScenarioTests : IClassFixture<VipTrafficFixture>
{
    private readonly VipTrafficFixture vips;

    public VipScenarioTests(VipTrafficFixture vips) => this.vips = vips;

    [Fact]
    public void TheTruthNamesAScenarioForEveryVipAndAllThreeOccur()
    {
        var scenarios = vips.Truth.Vips.ToList();

        Assert.Equal(40, scenarios.Count);
        Assert.Equal([VipScenarioTruth.Abrupt, VipScenarioTruth.Drift, VipScenarioTruth.Loyal], scenarios.Select(v => v.Scenario).Distinct().Order(StringComparer.Ordinal));
        Assert.All(scenarios, v => Assert.Equal(v.Scenario != VipScenarioTruth.Loyal, v.Onset is not null));
    }

    [Fact]
    public void DriftingVipsSpendLessEveryWeek()
    {
        foreach (var vip in Scenario(VipScenarioTruth.Drift))
        {
            var spend = WeeklySpend(vip.UserId);

            Assert.True(spend[0] > 0, $"{vip.UserId} spent nothing in week 1.");
            Assert.True(spend[1] < spend[0] && spend[2] <= spend[1], $"{vip.UserId} weekly spend {string.Join(", ", spend)} does not decline.");
            Assert.True(spend[2] < 0.25 * spend[0], $"{vip.UserId} weekly spend {string.Join(", ", spend)} has not fallen by three quarters.");
        }
    }

    [Fact]
    public void AbruptVipsHaveNoSessionFromTheirOnsetOn()
    {
        foreach (var vip in Scenario(VipScenarioTruth.Abrupt))
        {
            var sessions = Of(vip.UserId).Where(e => e.Type == "user.session").ToList();

            Assert.Contains(sessions, e => e.Ts < vip.Onset);
            Assert.DoesNotContain(sessions, e => e.Ts >= vip.Onset);
            Assert.DoesNotContain(Of(vip.UserId), e => e.Type == "gift.sent" && e.Ts >= vip.Onset);
        }
    }

    [Fact]
    public void AbruptVipsFileASeriousComplaintBeforeTheyGo()
    {
        foreach (var vip in Scenario(VipScenarioTruth.Abrupt))
        {
            Assert.Contains(Of(vip.UserId), e => e.Type == "user.complaint" && e.Severity == "high" && e.Ts < vip.Onset && e.Ts > vip.Onset - TimeSpan.FromDays(1));
        }
    }

    [Fact]
    public void LoyalVipsKeepSteadySessionsAndSpend()
    {
        var loyal = Scenario(VipScenarioTruth.Loyal).ToList();
        var total = new double[VipTrafficFixture.Weeks];

        foreach (var vip in loyal)
        {
            var spend = WeeklySpend(vip.UserId);
            var sessions = WeeklySessions(vip.UserId);
            for (var week = 0; week < total.Length; week++)
            {
                total[week] += spend[week];
                Assert.InRange(spend[week], spend.Average() / 3, spend.Average() * 3);
                Assert.InRange(sessions[week], sessions.Average() / 2, sessions.Average() * 2);
            }
        }

        Assert.All(total, week => Assert.InRange(week, total.Average() * 0.75, total.Average() * 1.25));
    }

    [Fact]
    public void SessionsStartBeforeTheyEndAndReportTheirMinutes()
    {
        var sessions = vips.Events.Where(e => e.Type == "user.session").ToList();

        Assert.NotEmpty(sessions);
        foreach (var user in sessions.GroupBy(e => e.UserId))
        {
            var actions = user.OrderBy(e => e.Ts).Select(e => e.Action).ToList();
            Assert.All(actions.Where((_, i) => i % 2 == 0), a => Assert.Equal("start", a));
            Assert.All(actions.Where((_, i) => i % 2 == 1), a => Assert.Equal("end", a));
        }
    }

    private IEnumerable<VipScenarioTruth> Scenario(string scenario) => vips.Truth.Vips.Where(v => v.Scenario == scenario);

    private IEnumerable<WireEvent> Of(string userId) => vips.Events.Where(e => e.UserId == userId);

    private double[] WeeklySpend(string userId)
    {
        var weeks = new double[VipTrafficFixture.Weeks];
        foreach (var gift in Of(userId).Where(e => e.Type == "gift.sent"))
        {
            weeks[VipTrafficFixture.WeekOf(gift.Ts)] += gift.Value!.Value;
        }

        return weeks;
    }

    private int[] WeeklySessions(string userId)
    {
        var weeks = new int[VipTrafficFixture.Weeks];
        foreach (var start in Of(userId).Where(e => e.Type == "user.session" && e.Action == "start"))
        {
            weeks[VipTrafficFixture.WeekOf(start.Ts)]++;
        }

        return weeks;
    }
}
