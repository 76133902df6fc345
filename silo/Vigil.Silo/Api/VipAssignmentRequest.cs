using Vigil.Grains.Contracts.Vips;

namespace Vigil.Silo.Api;

/// <summary>Body of <c>PUT /api/vips/{userId}</c>: the advisor who keeps this VIP, and optionally their tier.</summary>
public sealed record VipAssignmentRequest(string? AdvisorId, VipTier? Tier);
