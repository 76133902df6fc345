namespace Vigil.Grains.Contracts.Advisors;

/// <summary>Where a churn nudge is in the advisor's handling: open -> acknowledged -> contacted -> resolved, or snoozed.</summary>
public enum NudgeStatus
{
    Open,
    Acknowledged,
    Contacted,
    Resolved,

    /// <summary>Put aside until <see cref="Nudge.SnoozedUntil"/>; it becomes open again then.</summary>
    Snoozed,
}
