namespace Vigil.Grains.Policy;

/// <summary>A VIP tier and the 30-day spend (platform coins) from which a user belongs to it.</summary>
public sealed record VipTierBound
{
    /// <summary>Tier number; higher is more valuable.</summary>
    public required int Tier { get; init; }

    public required string Name { get; init; }

    public required double MinSpend30Days { get; init; }
}
