namespace Vigil.Grains.Policy;

/// <summary>The value at which each churn signal reaches full strength (it grows linearly from 0 up to there).</summary>
public sealed record ChurnSaturation
{
    /// <summary>Fractional drop in 30-day spend (0.6 = spend fell by 60%).</summary>
    public required double SpendDrop { get; init; }

    /// <summary>Fractional drop in session minutes against the previous period.</summary>
    public required double SessionDrop { get; init; }

    public required double DaysSinceLastSession { get; init; }

    public required double DaysSinceLastGift { get; init; }

    /// <summary>Number of open tickets.</summary>
    public required double OpenComplaints { get; init; }

    /// <summary>Age in days of the oldest open ticket.</summary>
    public required double OpenComplaintAgeDays { get; init; }
}
