namespace Vigil.Grains.Contracts.Vips;

/// <summary>A VIP tier, by 30-day spend (bounds come from the churn policy) or set by an admin; higher is more valuable.</summary>
public enum VipTier
{
    /// <summary>Below the lowest tier's spend bound: not (or no longer) a VIP by spend.</summary>
    None = 0,
    Bronze = 1,
    Silver = 2,
    Gold = 3,
    Platinum = 4,
}
