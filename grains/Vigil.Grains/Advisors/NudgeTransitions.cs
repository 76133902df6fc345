using Vigil.Grains.Contracts.Advisors;

namespace Vigil.Grains.Advisors;

/// <summary>
/// The nudge life cycle: open -> acknowledged -> contacted -> resolved, never backwards; any unresolved nudge may be
/// resolved or snoozed, and a snoozed one may be picked up early. A snooze ends by itself (<see cref="Wake"/>), back to
/// open. Resolved is final.
/// </summary>
public static class NudgeTransitions
{
    public static bool IsAllowed(NudgeStatus from, NudgeStatus to) => (from, to) switch
    {
        (NudgeStatus.Resolved, _) => false,
        (_, NudgeStatus.Resolved or NudgeStatus.Snoozed) => true,
        (NudgeStatus.Open or NudgeStatus.Snoozed, NudgeStatus.Acknowledged or NudgeStatus.Contacted) => true,
        (NudgeStatus.Acknowledged, NudgeStatus.Contacted) => true,
        _ => false,
    };

    /// <summary>
    /// Moves <paramref name="nudge"/> to <paramref name="to"/> at <paramref name="now"/>; throws
    /// <see cref="NudgeTransitionException"/> naming the nudge and the transition when it is not allowed.
    /// </summary>
    public static Nudge Move(Nudge nudge, NudgeStatus to, DateTimeOffset now, DateTimeOffset? snoozeUntil = null)
    {
        if (!IsAllowed(nudge.Status, to))
        {
            throw new NudgeTransitionException(nudge.Id, nudge.Status, to, Explain(nudge, to));
        }

        if (to == NudgeStatus.Snoozed && !(snoozeUntil > now))
        {
            throw new ArgumentOutOfRangeException(
                nameof(snoozeUntil), snoozeUntil, $"Nudge {nudge.Id} can only be snoozed until a time after now ({now:O}).");
        }

        return nudge with
        {
            Status = to,
            SnoozedUntil = to == NudgeStatus.Snoozed ? snoozeUntil : null,
            ContactedAt = to == NudgeStatus.Contacted ? nudge.ContactedAt ?? now : nudge.ContactedAt,
            UpdatedAt = now,
            Version = nudge.Version + 1,
        };
    }

    /// <summary>The snoozed nudge back to open when its snooze has ended by <paramref name="now"/>; otherwise null.</summary>
    public static Nudge? Wake(Nudge nudge, DateTimeOffset now) =>
        nudge is { Status: NudgeStatus.Snoozed, SnoozedUntil: { } until } && until <= now
            ? nudge with { Status = NudgeStatus.Open, SnoozedUntil = null, UpdatedAt = now, Version = nudge.Version + 1 }
            : null;

    private static string Explain(Nudge nudge, NudgeStatus to)
    {
        var allowed = Enum.GetValues<NudgeStatus>().Where(s => IsAllowed(nudge.Status, s)).Select(s => s.ToString()).ToArray();
        var next = allowed.Length == 0 ? "it is final" : "it can go to " + string.Join(", ", allowed);
        return $"Nudge {nudge.Id} cannot go from {nudge.Status} to {to}: {next}.";
    }
}
