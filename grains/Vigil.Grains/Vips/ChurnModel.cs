using Vigil.Grains.Policy;
using Vigil.Grains.Reasons;

namespace Vigil.Grains.Vips;

/// <summary>
/// Churn risk of one user against their own history. Each signal's strength rises linearly from 0 to 1 at the
/// policy's saturation value and adds weight x strength points (weights add up to 100), so a reason can say what it
/// added. Trends compare the recent days with the user's baseline (and the last 30 days with the 30 before, which
/// catches a slow drift the baseline has already absorbed), per covered day, so a newcomer has no trend yet.
/// </summary>
public static class ChurnModel
{
    /// <summary>A signal adding less than this is noise to a person: it counts, but is not named as a reason.</summary>
    public const double MinReasonPoints = 2;

    /// <summary>Days of history a baseline needs before a trend against it means anything.</summary>
    public const int MinBaselineDays = 7;

    /// <summary>Days of the previous 30-day window a 30-vs-30 comparison needs.</summary>
    public const int MinPreviousDays = 14;

    /// <summary>A survey answer older than this no longer speaks for the user.</summary>
    public const double SurveyRelevanceDays = 30;

    public static ChurnAssessment Assess(in EngagementSummary summary, ChurnPolicy policy)
    {
        var weights = policy.Weights;
        var saturation = policy.Saturation;
        var reasons = new List<ChurnReason>(6);
        var total = 0.0;

        var spend = Trend(summary, static t => t.SpendPerDay);
        var baselineDays = summary.BaselineDays;
        Add(ChurnFactor.SpendTrend, weights.SpendTrend * Strength(spend.Drop, saturation.SpendDrop), () => TrendText(TrendSignal.Spend, spend, baselineDays));

        var count = Trend(summary, static t => t.SessionsPerDay);
        var minutes = Trend(summary, static t => t.MinutesPerDay);
        var (sessions, signal) = count.Drop >= minutes.Drop ? (count, TrendSignal.Sessions) : (minutes, TrendSignal.TimeInApp);
        Add(ChurnFactor.SessionTrend, weights.SessionTrend * Strength(sessions.Drop, saturation.SessionDrop), () => TrendText(signal, sessions, baselineDays));

        if (summary.DaysSinceLastSession is { } sinceSession)
        {
            Add(ChurnFactor.DaysSinceLastSession, weights.DaysSinceLastSession * Strength(sinceSession, saturation.DaysSinceLastSession),
                () => ReasonTemplates.NoSession(sinceSession));
        }

        if (summary.DaysSinceLastGift is { } sinceGift)
        {
            Add(ChurnFactor.DaysSinceLastGift, weights.DaysSinceLastGift * Strength(sinceGift, saturation.DaysSinceLastGift),
                () => ReasonTemplates.NoGift(sinceGift));
        }

        if (summary.OpenComplaints > 0)
        {
            var open = summary.OpenComplaints;
            var oldest = summary.OldestOpenComplaintDays ?? 0;
            Add(ChurnFactor.OpenComplaints,
                weights.OpenComplaints * Strength(open, saturation.OpenComplaints) + weights.OpenComplaintAge * Strength(oldest, saturation.OpenComplaintAgeDays),
                () => ReasonTemplates.OpenComplaints(open, oldest));
        }

        if (summary.LastSurveyScore is { } score && summary.DaysSinceLastSurvey <= SurveyRelevanceDays && score <= policy.LowSatisfactionAtOrBelow)
        {
            // 1/5 counts fully; the threshold itself (say 2/5) counts half when the threshold is 2.
            var low = policy.LowSatisfactionAtOrBelow;
            Add(ChurnFactor.LowSatisfaction, weights.LowSatisfaction * (low - score + 1.0) / low, () => ReasonTemplates.LowSurvey(score));
        }

        reasons.Sort(static (a, b) => b.Points.CompareTo(a.Points));
        return new ChurnAssessment((int)Math.Round(Math.Clamp(total, 0, 100)), reasons);

        void Add(ChurnFactor factor, double points, Func<WordedReason> word)
        {
            total += points;
            if (points >= MinReasonPoints)
            {
                var worded = word();
                reasons.Add(new ChurnReason(factor, points, worded.Text, worded.Detail));
            }
        }
    }

    /// <summary>How far <paramref name="value"/> is towards <paramref name="saturation"/>, 0..1.</summary>
    private static double Strength(double value, double saturation) => saturation <= 0 ? 0 : Math.Clamp(value / saturation, 0, 1);

    private static TrendDrop Trend(in EngagementSummary summary, Func<WindowTotals, double> rate)
    {
        var recent = summary.Baseline.CoveredDays >= MinBaselineDays ? Drop(rate(summary.Recent), rate(summary.Baseline)) : 0;
        var month = summary.Previous30Days.CoveredDays >= MinPreviousDays ? Drop(rate(summary.Last30Days), rate(summary.Previous30Days)) : 0;
        return month > recent ? new TrendDrop(month, OverMonths: true) : new TrendDrop(recent, OverMonths: false);
    }

    /// <summary>Fractional fall from <paramref name="before"/> to <paramref name="now"/>; a rise is 0.</summary>
    private static double Drop(double now, double before) => before <= 0 ? 0 : Math.Clamp(1 - now / before, 0, 1);

    private static WordedReason TrendText(TrendSignal signal, TrendDrop trend, int baselineDays) => trend.OverMonths
        ? ReasonTemplates.TrendDownOverMonths(signal, trend.Drop)
        : ReasonTemplates.TrendDown(signal, trend.Drop, baselineDays);

    private readonly record struct TrendDrop(double Drop, bool OverMonths);
}
