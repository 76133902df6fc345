namespace Vigil.Grains.Policy;

/// <summary>
/// Risk levels (0..1) at which one category of a room enters Watch, Alert and Escalated, and how many pieces of
/// evidence must back an alert so one noisy classifier frame does not page anybody ("sustained" in contract v1).
/// </summary>
public sealed record CategoryThresholds
{
    public required double Watch { get; init; }

    public required double Alert { get; init; }

    public required double Escalate { get; init; }

    /// <summary>Scores, reports and keyword hits seen for the category before it may reach Alert (1 = the first).</summary>
    public required int MinEvidence { get; init; }
}
