namespace Vigil.Grains.Contracts.Advisors;

/// <summary>A nudge was asked to move to a status its current status does not lead to (for example resolved -> acknowledged).</summary>
public sealed class NudgeTransitionException : InvalidOperationException
{
    public NudgeTransitionException(string nudgeId, NudgeStatus from, NudgeStatus to, string message)
        : base(message)
    {
        NudgeId = nudgeId;
        From = from;
        To = to;
    }

    public string NudgeId { get; }

    public NudgeStatus From { get; }

    public NudgeStatus To { get; }
}
