using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Reasons;

namespace Vigil.Grains.Contracts.Vips;

/// <summary>A VIP as advisors and scripts see it (<c>GET /api/vips/{userId}</c>), assessed at <see cref="AssessedAt"/>.</summary>
public sealed record VipProfile
{
    public required string UserId { get; init; }

    /// <summary>The admin-assigned tier when there is one, otherwise <see cref="SpendTier"/>.</summary>
    public required VipTier Tier { get; init; }

    /// <summary>The tier the last 30 days of spend reach.</summary>
    public required VipTier SpendTier { get; init; }

    public string? AdvisorId { get; init; }

    /// <summary>The region of the user's latest event; null before any.</summary>
    public Region? Region { get; init; }

    /// <summary>0 (no sign of leaving) to 100.</summary>
    public required int ChurnRisk { get; init; }

    /// <summary>What drove <see cref="ChurnRisk"/>, strongest first, e.g. "no session for 9 days".</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary><see cref="Reasons"/> as codes and values a client words in its own language, in the same order.</summary>
    public IReadOnlyList<ReasonDetail> ReasonDetails { get; init; } = [];

    public required VipEngagement Engagement { get; init; }

    /// <summary>The latest churn nudge sent to an advisor about this VIP, if any.</summary>
    public string? LastNudgeId { get; init; }

    public NudgeStatus? LastNudgeStatus { get; init; }

    /// <summary>When the VIP came back (a session and a gift) after an advisor contacted them; null until then.</summary>
    public DateTimeOffset? WonBackAt { get; init; }

    public required DateTimeOffset AssessedAt { get; init; }
}
