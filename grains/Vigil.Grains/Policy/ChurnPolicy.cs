namespace Vigil.Grains.Policy;

/// <summary>
/// Constants of the VIP churn model. Churn risk (0-100) is the sum over signals of weight x strength, where each
/// signal's strength rises linearly from 0 to 1 at its <see cref="Saturation"/> value; the weights add up to 100,
/// so the risk reads as "points out of 100" and each reason can say how many points it added.
/// </summary>
public sealed record ChurnPolicy
{
    public required ChurnWeights Weights { get; init; }

    public required ChurnSaturation Saturation { get; init; }

    /// <summary>A satisfaction survey score (1..5) at or below this counts as low satisfaction.</summary>
    public required int LowSatisfactionAtOrBelow { get; init; }

    /// <summary>Churn risk (0-100) at or above which the VIP's advisor gets a nudge.</summary>
    public required double NudgeThreshold { get; init; }

    /// <summary>Hours after a nudge before the same VIP may nudge the same advisor again.</summary>
    public required double NudgeCooldownHours { get; init; }

    /// <summary>VIP tiers by 30-day spend (platform coins), lowest first.</summary>
    public required IReadOnlyList<VipTierBound> VipTiers { get; init; }

    /// <summary>The highest tier whose lower bound <paramref name="spend30Days"/> reaches, or null below the lowest tier.</summary>
    public VipTierBound? TierFor(double spend30Days)
    {
        VipTierBound? tier = null;
        foreach (var bound in VipTiers)
        {
            if (spend30Days >= bound.MinSpend30Days)
            {
                tier = bound;
            }
        }

        return tier;
    }
}
