using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Policy;

namespace Vigil.Grains.Tests.Policy;

public sealed class ShadowComparisonTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ShadowComparisonCountsWhereTheCandidateWouldAlertDifferently()
    {
        var active = DefaultPolicy.Compiled;
        var candidate = PolicyText.Compiled(2, p =>
        {
            p["thresholds"]!["nudity"]!["alert"] = 0.5; // alerts earlier
            p["severity"]!["violence"]!["p2"] = 0.75; // grades violence lower
        });
        var shadow = new ShadowComparison(active, candidate);
        var nudity = Twice(active, 0.6); // risk 0.57: only the candidate alerts
        var minorSafety = Twice(active, 0.95); // both: P1
        var violence = Twice(active, 0.75); // risk 0.71: active P2, candidate P3

        shadow.Observe("room-1", Region.EU, Category.Nudity, nudity, Now);
        shadow.Observe("room-1", Region.EU, Category.Nudity, nudity, Now.AddSeconds(1));
        shadow.Observe("room-2", Region.EU, Category.MinorSafety, minorSafety, Now);
        shadow.Observe("room-3", Region.NA, Category.Violence, violence, Now);
        var report = shadow.Snapshot();

        Assert.Equal((4L, 2, 3, 0, 1, 1), (report.Observations, report.ActiveAlerts, report.CandidateAlerts, report.OnlyActive, report.OnlyCandidate, report.SeverityDiffers));
        Assert.Equal(
            [
                new ShadowDifference("room-1", Region.EU, Category.Nudity, null, Severity.P4, report.Examples[0].ActiveRisk, report.Examples[0].CandidateRisk),
                new ShadowDifference("room-3", Region.NA, Category.Violence, Severity.P2, Severity.P3, report.Examples[1].ActiveRisk, report.Examples[1].CandidateRisk),
            ],
            report.Examples);
    }

    [Fact]
    public void ShadowComparisonOfIdenticalPoliciesFindsNoDifference()
    {
        var shadow = new ShadowComparison(DefaultPolicy.Compiled, PolicyText.Compiled(2));

        shadow.Observe("room-1", Region.MENA, Category.Hate, Twice(DefaultPolicy.Compiled, 0.9), Now);
        var report = shadow.Snapshot();

        Assert.Equal((1, 1, 0), (report.ActiveAlerts, report.CandidateAlerts, report.SeverityDiffers));
        Assert.Empty(report.Examples);
    }

    private static CategoryEvidence Twice(CompiledPolicy policy, double score) =>
        default(CategoryEvidence).WithScore(policy, score, Now).WithScore(policy, score, Now);
}
