using Vigil.Grains.Contracts.Advisors;

namespace Vigil.Grains.Advisors;

/// <summary>The persistent state of <see cref="AdvisorGrain"/>.</summary>
public sealed class AdvisorState
{
    /// <summary>User ids of the VIPs this advisor looks after.</summary>
    public HashSet<string> Portfolio { get; set; } = [];

    /// <summary>Unresolved nudges and the most recent resolved ones (see <see cref="AdvisorInbox.ResolvedKept"/>).</summary>
    public List<Nudge> Nudges { get; set; } = [];

    /// <summary>Notes not attached to a nudge (those live on their nudge).</summary>
    public List<AdvisorNote> Notes { get; set; } = [];

    /// <summary>Source of nudge and note ids.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset? LastPortfolioReassessAt { get; set; }
}
