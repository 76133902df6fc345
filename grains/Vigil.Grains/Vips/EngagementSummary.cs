namespace Vigil.Grains.Vips;

/// <summary>What the churn model looks at, taken from a user's daily buckets at one moment.</summary>
public readonly record struct EngagementSummary
{
    /// <summary>The last <see cref="VipOptions.RecentDays"/> days, today included.</summary>
    public WindowTotals Recent { get; init; }

    /// <summary>The <see cref="BaselineDays"/> days before <see cref="Recent"/>: the user's own normal.</summary>
    public WindowTotals Baseline { get; init; }

    public int BaselineDays { get; init; }

    public WindowTotals Last30Days { get; init; }

    public WindowTotals Previous30Days { get; init; }

    public double? DaysSinceLastSession { get; init; }

    public double? DaysSinceLastGift { get; init; }

    public int OpenComplaints { get; init; }

    public double? OldestOpenComplaintDays { get; init; }

    public int? LastSurveyScore { get; init; }

    public double? DaysSinceLastSurvey { get; init; }
}
