namespace Vigil.Grains.Contracts.Advisors;

/// <summary>An advisor's note about a VIP, optionally on a nudge and with a follow-up date.</summary>
public sealed record AdvisorNote
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public string? NudgeId { get; init; }

    /// <summary>Free text written by the advisor.</summary>
    public required string Text { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the advisor means to follow up; null for a plain note.</summary>
    public DateTimeOffset? DueAt { get; init; }
}
