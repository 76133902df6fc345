namespace Vigil.Grains.Vips;

/// <summary>The signals of the churn model; each adds points (weights from <see cref="Policy.ChurnWeights"/>) and a reason.</summary>
public enum ChurnFactor
{
    SpendTrend,
    SessionTrend,
    DaysSinceLastSession,
    DaysSinceLastGift,

    /// <summary>Open complaints, by count and by the age of the oldest (two weights, one reason).</summary>
    OpenComplaints,
    LowSatisfaction,
}
