using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Policy;

namespace Vigil.Grains.Vips;

/// <summary>When a VIP's churn risk nudges their advisor, and when an advisor's contact counts as a win-back.</summary>
public static class NudgePolicy
{
    /// <summary>
    /// Nudges when the risk reaches the policy threshold, unless the latest nudge is snoozed, is unresolved and already
    /// carries every current factor (the same reasons never nudge twice while open), or was raised (or resolved) within the cooldown, so resolving a nudge does not raise the next one at once.
    /// </summary>
    public static NudgeDecision Decide(ChurnAssessment assessment, NudgeTrack? latest, DateTimeOffset now, ChurnPolicy policy)
    {
        if (assessment.Risk < policy.NudgeThreshold)
        {
            return NudgeDecision.BelowThreshold;
        }

        if (latest is null)
        {
            return NudgeDecision.Send;
        }

        if (latest.Status == NudgeStatus.Snoozed && latest.SnoozedUntil > now)
        {
            return NudgeDecision.Snoozed;
        }

        if (latest.Status != NudgeStatus.Resolved && assessment.Factors.All(latest.Factors.Contains))
        {
            return NudgeDecision.AlreadyOpen;
        }

        var settled = latest.ResolvedAt is { } resolved && resolved > latest.CreatedAt ? resolved : latest.CreatedAt;
        return now - settled < TimeSpan.FromHours(policy.NudgeCooldownHours) ? NudgeDecision.CoolingDown : NudgeDecision.Send;
    }

    /// <summary>
    /// When the VIP came back after the advisor's contact: the later of a session and a gift, both after the contact
    /// and within <paramref name="window"/> of it. Null while that has not happened (or was already recorded).
    /// </summary>
    public static DateTimeOffset? WonBackAt(NudgeTrack latest, DateTimeOffset? lastSessionAt, DateTimeOffset? lastGiftAt, TimeSpan window)
    {
        if (latest.ContactedAt is not { } contacted || latest.WonBackAt is not null
            || lastSessionAt is not { } session || lastGiftAt is not { } gift || session < contacted || gift < contacted)
        {
            return null;
        }

        var back = session > gift ? session : gift;
        return back - contacted <= window ? back : null;
    }
}
