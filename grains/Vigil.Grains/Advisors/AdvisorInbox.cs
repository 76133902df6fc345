using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Reasons;

namespace Vigil.Grains.Advisors;

/// <summary>The pure parts of an advisor's inbox: building nudges and notes into it, ordering it, trimming it.</summary>
public static class AdvisorInbox
{
    /// <summary>Resolved nudges kept for reference; older ones are dropped.</summary>
    public const int ResolvedKept = 100;

    public static Nudge NewNudge(string id, string advisorId, string userId, int risk, IReadOnlyList<string> reasons, IReadOnlyList<ReasonDetail> reasonDetails, DateTimeOffset now, TimeSpan dueAfter) => new()
    {
        Id = id,
        UserId = userId,
        AdvisorId = advisorId,
        Risk = risk,
        Reasons = [.. reasons],
        ReasonDetails = [.. reasonDetails],
        Status = NudgeStatus.Open,
        CreatedAt = now,
        UpdatedAt = now,
        DueAt = now + dueAfter,
        Version = 1,
    };

    /// <summary>The nudge with <paramref name="note"/> added; a follow-up date on the note becomes the nudge's due date.</summary>
    public static Nudge WithNote(Nudge nudge, AdvisorNote note, DateTimeOffset now) => nudge with
    {
        Notes = [.. nudge.Notes, note],
        DueAt = note.DueAt ?? nudge.DueAt,
        UpdatedAt = now,
        Version = nudge.Version + 1,
    };

    /// <summary>Open, acknowledged, contacted and snoozed nudges, riskiest first, then oldest first.</summary>
    public static IReadOnlyList<Nudge> Unresolved(IEnumerable<Nudge> nudges) =>
        nudges.Where(n => n.Status != NudgeStatus.Resolved).OrderByDescending(n => n.Risk).ThenBy(n => n.CreatedAt).ToArray();

    /// <summary>Every note, follow-ups first by due date, then plain notes; each group oldest first.</summary>
    public static IReadOnlyList<AdvisorNote> AllNotes(AdvisorState state) =>
        state.Notes.Concat(state.Nudges.SelectMany(n => n.Notes)).OrderBy(n => n.DueAt is null).ThenBy(n => n.DueAt).ThenBy(n => n.CreatedAt).ToArray();

    /// <summary>When the earliest snooze ends; null when nothing is snoozed.</summary>
    public static DateTimeOffset? NextSnoozeEnd(IEnumerable<Nudge> nudges) =>
        nudges.Where(n => n.Status == NudgeStatus.Snoozed).Min(n => n.SnoozedUntil);

    public static void DropOldResolved(List<Nudge> nudges)
    {
        var resolved = nudges.Where(n => n.Status == NudgeStatus.Resolved).OrderBy(n => n.UpdatedAt).ToList();
        foreach (var old in resolved.Take(resolved.Count - ResolvedKept))
        {
            nudges.Remove(old);
        }
    }
}
