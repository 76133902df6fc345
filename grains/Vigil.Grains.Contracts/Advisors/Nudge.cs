using Vigil.Grains.Contracts.Reasons;

namespace Vigil.Grains.Contracts.Advisors;

/// <summary>
/// A churn nudge in an advisor's inbox: a VIP whose churn risk crossed the policy threshold, with the reasons in
/// words. <see cref="Version"/> increases with every change, so consumers can order updates.
/// </summary>
public sealed record Nudge
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public required string AdvisorId { get; init; }

    /// <summary>The VIP's churn risk (0-100) when the nudge was raised.</summary>
    public required int Risk { get; init; }

    /// <summary>Why, strongest first, e.g. "spend down 72% vs their 4-week average".</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary><see cref="Reasons"/> as codes and values a client words in its own language, in the same order; empty in state written before details existed.</summary>
    public IReadOnlyList<ReasonDetail> ReasonDetails { get; init; } = [];

    public required NudgeStatus Status { get; init; }

    /// <summary>Set while <see cref="Status"/> is <see cref="NudgeStatus.Snoozed"/>.</summary>
    public DateTimeOffset? SnoozedUntil { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the advisor should have acted: set at creation, moved by a note with a follow-up date.</summary>
    public required DateTimeOffset DueAt { get; init; }

    public IReadOnlyList<AdvisorNote> Notes { get; init; } = [];

    /// <summary>When the advisor first marked the VIP contacted.</summary>
    public DateTimeOffset? ContactedAt { get; init; }

    /// <summary>When the VIP came back after being contacted.</summary>
    public DateTimeOffset? WonBackAt { get; init; }

    public long Version { get; init; }
}
