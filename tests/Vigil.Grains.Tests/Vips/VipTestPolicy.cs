using Vigil.Grains.Policy;

namespace Vigil.Grains.Tests.Vips;

/// <summary>
/// The churn policy the VIP tests are written against (the default policy's values at the time), pinned so that a
/// policy edit does not silently change what these tests mean. Risk arithmetic in the tests' comments uses these.
/// </summary>
public static class VipTestPolicy
{
    public static ChurnPolicy Churn { get; } = new()
    {
        Weights = new ChurnWeights
        {
            SpendTrend = 25,
            SessionTrend = 20,
            DaysSinceLastSession = 15,
            DaysSinceLastGift = 10,
            OpenComplaints = 10,
            OpenComplaintAge = 10,
            LowSatisfaction = 10,
        },
        Saturation = new ChurnSaturation
        {
            SpendDrop = 0.6,
            SessionDrop = 0.6,
            DaysSinceLastSession = 14,
            DaysSinceLastGift = 21,
            OpenComplaints = 2,
            OpenComplaintAgeDays = 7,
        },
        LowSatisfactionAtOrBelow = 2,
        NudgeThreshold = 60,
        NudgeCooldownHours = 72,
        VipTiers =
        [
            new VipTierBound { Tier = 1, Name = "silver", MinSpend30Days = 5_000 },
            new VipTierBound { Tier = 2, Name = "gold", MinSpend30Days = 20_000 },
            new VipTierBound { Tier = 3, Name = "platinum", MinSpend30Days = 100_000 },
        ],
    };

    /// <summary>The default policy with <see cref="Churn"/> in place of its churn section.</summary>
    public static string Json { get; } = (PolicyDocument.Parse(DefaultPolicy.Json) with { Churn = Churn }).ToJson();
}
