using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Contracts.Vips;

/// <summary>Which advisor looks after a VIP, in which region's roster, and the tier an admin gave them (if any).</summary>
public sealed record VipAssignment
{
    public required string UserId { get; init; }

    public required string AdvisorId { get; init; }

    /// <summary>Admin-assigned tier; null when the tier follows the VIP's spend.</summary>
    public VipTier? Tier { get; init; }

    public required Region Region { get; init; }

    /// <summary>True when the region's directory chose the least-loaded advisor rather than an admin.</summary>
    public bool Automatic { get; init; }
}
