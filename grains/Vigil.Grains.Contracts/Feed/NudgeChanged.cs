using Vigil.Grains.Contracts.Advisors;

namespace Vigil.Grains.Contracts.Feed;

/// <summary>A churn nudge was raised, acknowledged, marked contacted, resolved, snoozed, woken from a snooze or noted.</summary>
public sealed record NudgeChanged(Nudge Nudge, string Change) : FeedItem
{
    public override string SubjectId => Nudge.Id;
}
