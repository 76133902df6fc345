namespace Vigil.Grains.Policy;

/// <summary>Points (out of 100, all weights together) each churn signal adds at full strength.</summary>
public sealed record ChurnWeights
{
    /// <summary>30-day spend falling against the 30 days before.</summary>
    public required double SpendTrend { get; init; }

    /// <summary>Sessions (count and minutes) falling against the period before.</summary>
    public required double SessionTrend { get; init; }

    public required double DaysSinceLastSession { get; init; }

    public required double DaysSinceLastGift { get; init; }

    /// <summary>How many support tickets are open.</summary>
    public required double OpenComplaints { get; init; }

    /// <summary>How long the oldest open ticket has waited.</summary>
    public required double OpenComplaintAge { get; init; }

    /// <summary>The latest satisfaction survey was low.</summary>
    public required double LowSatisfaction { get; init; }

    public double Total => SpendTrend + SessionTrend + DaysSinceLastSession + DaysSinceLastGift + OpenComplaints + OpenComplaintAge + LowSatisfaction;
}
