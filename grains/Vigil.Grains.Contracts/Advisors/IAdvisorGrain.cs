using Vigil.Grains.Contracts.Reasons;
using Vigil.Runtime.Grains;

namespace Vigil.Grains.Contracts.Advisors;

/// <summary>
/// A VIP advisor (keyed by advisor id): the portfolio of VIPs they look after, their inbox of churn nudges and their
/// notes. Every nudge change is published to the live feed. Transitions a nudge's status does not allow throw
/// <see cref="NudgeTransitionException"/>; an unknown nudge id throws <see cref="KeyNotFoundException"/>.
/// </summary>
public interface IAdvisorGrain : IGrainWithStringKey
{
    /// <summary>Raises an open nudge about a VIP (called by the VIP's grain when its churn risk crosses the threshold).</summary>
    Task<Nudge> AddNudge(string userId, int risk, IReadOnlyList<string> reasons, IReadOnlyList<ReasonDetail> reasonDetails);

    /// <summary>Nudges not yet resolved (open, acknowledged, contacted, snoozed), riskiest first (<c>GET /api/advisors/{id}/nudges</c>).</summary>
    Task<IReadOnlyList<Nudge>> GetNudges();

    Task<Nudge> GetNudge(string nudgeId);

    Task<Nudge> Acknowledge(string nudgeId);

    Task<Nudge> MarkContacted(string nudgeId);

    Task<Nudge> Resolve(string nudgeId);

    /// <summary>Puts a nudge aside until <paramref name="until"/> (which must be in the future); then it is open again.</summary>
    Task<Nudge> Snooze(string nudgeId, DateTimeOffset until);

    /// <summary>Adds a note about a VIP, on a nudge when <paramref name="nudgeId"/> is given; a follow-up date moves the nudge's due date.</summary>
    Task<AdvisorNote> AddNote(string userId, string? nudgeId, string text, DateTimeOffset? dueAt);

    /// <summary>Every note, follow-ups first by due date.</summary>
    Task<IReadOnlyList<AdvisorNote>> GetNotes();

    /// <summary>The VIP came back after being contacted (called by the VIP's grain).</summary>
    Task RecordWinBack(string nudgeId, DateTimeOffset at);

    /// <summary>User ids of the VIPs this advisor looks after, in order.</summary>
    Task<IReadOnlyList<string>> GetPortfolio();

    Task AddVips(IReadOnlyList<string> userIds);

    Task RemoveVips(IReadOnlyList<string> userIds);
}
