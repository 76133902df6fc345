using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Policy;

/// <summary>
/// The policy's rules as pure functions of (policy, evidence, time): nothing is stored or raised here, so a grain
/// can evaluate the active and a candidate policy on the same evidence and compare (shadow mode).
/// </summary>
public static class PolicyEvaluator
{
    /// <summary>
    /// Combines a category's evidence into a risk at <paramref name="now"/> (see <see cref="CombinationPolicy"/>):
    /// noisy-OR of weight x signal over the classifier peak, saturating report count and saturating keyword hits.
    /// </summary>
    public static CategoryRisk Combine(CompiledPolicy policy, Category category, in CategoryEvidence evidence, DateTimeOffset now)
    {
        var c = policy.Combination;
        var score = evidence.AutomatedScore.ValueAt(now, policy.AutomatedScoreHalfLife);
        var reports = evidence.Reports.ValueAt(now, policy.UserReportHalfLife);
        var hits = evidence.KeywordHits.ValueAt(now, policy.ChatKeywordHalfLife);

        var automated = c.AutomatedWeight * Math.Clamp(score, 0, 1);
        var reported = c.ReportWeight * Saturate(reports, c.ReportHalfSaturation);
        var keywords = c.KeywordWeight * Saturate(hits, c.KeywordHalfSaturation);
        var risk = 1 - ((1 - automated) * (1 - reported) * (1 - keywords));
        return new CategoryRisk(category, Math.Clamp(risk, 0, 1), automated, reported, keywords, score, reports, hits, evidence.EvidenceCount);
    }

    /// <summary>P1..P4 for an alert of <paramref name="category"/> at <paramref name="risk"/> in <paramref name="region"/>.</summary>
    public static Severity SeverityFor(CompiledPolicy policy, Category category, double risk, Region region)
    {
        var bands = policy.SeverityBandsFor(category, region);
        return risk >= bands.P1 ? Severity.P1
            : risk >= bands.P2 ? Severity.P2
            : risk >= bands.P3 ? Severity.P3
            : Severity.P4;
    }

    /// <summary>
    /// The state of one category given its risk and its previous state. Entering a state needs the risk at its
    /// threshold (and, for Alert and above, <see cref="CategoryThresholds.MinEvidence"/> pieces of evidence);
    /// staying needs the risk above the threshold minus the policy's hysteresis.
    /// </summary>
    public static RoomState StateFor(CompiledPolicy policy, Region region, in CategoryRisk risk, RoomState previous)
    {
        var thresholds = policy.ThresholdsFor(risk.Category, region);
        var entered = Level(thresholds, risk, 0);
        var held = Level(thresholds, risk, policy.Hysteresis);
        return Max(entered, Min(previous, held));
    }

    /// <summary>
    /// The room's state: the worst of its categories' states (each judged against the room's previous state),
    /// and Escalated while any of its alerts is unacknowledged past its SLA.
    /// </summary>
    public static RoomState StateFor(CompiledPolicy policy, Region region, ReadOnlySpan<CategoryRisk> risks, RoomState previous, bool alertPastSla)
    {
        var state = RoomState.Normal;
        foreach (var risk in risks)
        {
            state = Max(state, StateFor(policy, region, risk, previous));
        }

        return alertPastSla ? RoomState.Escalated : state;
    }

    /// <summary>Whether the policy would raise (or keep) an alert for this category, judged from scratch.</summary>
    public static bool WouldAlert(CompiledPolicy policy, Region region, in CategoryRisk risk) =>
        StateFor(policy, region, risk, RoomState.Normal) >= RoomState.Alert;

    /// <summary>When an alert raised at <paramref name="raisedAt"/> must be acknowledged.</summary>
    public static DateTimeOffset AcknowledgeBy(CompiledPolicy policy, Severity severity, DateTimeOffset raisedAt) =>
        raisedAt + policy.AcknowledgeWithin(severity);

    /// <summary>Whether an alert still unacknowledged at <paramref name="now"/> has missed its SLA.</summary>
    public static bool IsPastSla(CompiledPolicy policy, Severity severity, DateTimeOffset raisedAt, DateTimeOffset now) =>
        now > AcknowledgeBy(policy, severity, raisedAt);

    // n / (n + k): 0 with no evidence, one half at k, approaching 1; never reaching it keeps one source from certainty.
    private static double Saturate(double count, double halfSaturation) => count <= 0 ? 0 : count / (count + halfSaturation);

    private static RoomState Level(CategoryThresholds t, in CategoryRisk risk, double margin)
    {
        var backed = risk.EvidenceCount >= t.MinEvidence;
        return backed && risk.Risk >= t.Escalate - margin ? RoomState.Escalated
            : backed && risk.Risk >= t.Alert - margin ? RoomState.Alert
            : risk.Risk >= t.Watch - margin ? RoomState.Watch
            : RoomState.Normal;
    }

    private static RoomState Max(RoomState a, RoomState b) => a >= b ? a : b;

    private static RoomState Min(RoomState a, RoomState b) => a <= b ? a : b;
}
