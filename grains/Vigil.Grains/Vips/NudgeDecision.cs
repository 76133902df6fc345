namespace Vigil.Grains.Vips;

/// <summary>What <see cref="NudgePolicy.Decide"/> concluded about nudging a VIP's advisor now.</summary>
public enum NudgeDecision
{
    Send,
    BelowThreshold,

    /// <summary>An unresolved nudge already carries every factor of the current reasons.</summary>
    AlreadyOpen,
    CoolingDown,
    Snoozed,
}
