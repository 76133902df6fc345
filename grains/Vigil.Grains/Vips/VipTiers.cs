using Vigil.Grains.Contracts.Vips;
using Vigil.Grains.Policy;

namespace Vigil.Grains.Vips;

/// <summary>Maps 30-day spend to a <see cref="VipTier"/> through the policy's tier bounds.</summary>
public static class VipTiers
{
    private static readonly VipTier Highest = Enum.GetValues<VipTier>().Max();

    /// <summary>
    /// The tier <paramref name="spend30Days"/> reaches: the policy tier's name when it is one of ours ("gold"), otherwise
    /// its number (1 = Bronze ...), capped at the highest tier; <see cref="VipTier.None"/> below the lowest bound.
    /// </summary>
    public static VipTier For(ChurnPolicy policy, double spend30Days)
    {
        if (policy.TierFor(spend30Days) is not { } bound)
        {
            return VipTier.None;
        }

        foreach (var tier in Enum.GetValues<VipTier>())
        {
            if (string.Equals(tier.ToString(), bound.Name, StringComparison.OrdinalIgnoreCase))
            {
                return tier;
            }
        }

        return (VipTier)Math.Clamp(bound.Tier, (int)VipTier.Bronze, (int)Highest);
    }
}
