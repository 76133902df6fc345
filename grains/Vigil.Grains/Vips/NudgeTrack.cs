using Vigil.Grains.Contracts.Advisors;

namespace Vigil.Grains.Vips;

/// <summary>The VIP's own record of its latest nudge, kept current by the advisor's change notices.</summary>
public sealed class NudgeTrack
{
    public required string NudgeId { get; set; }

    public required string AdvisorId { get; set; }

    /// <summary>The factors whose reasons the nudge carried; the same set does not nudge again while it is unresolved.</summary>
    public List<ChurnFactor> Factors { get; set; } = [];

    public NudgeStatus Status { get; set; }

    public DateTimeOffset? SnoozedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ContactedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset? WonBackAt { get; set; }

    /// <summary>The advisor's version of the nudge last seen, so an older notice never overwrites a newer one.</summary>
    public long Version { get; set; }
}
