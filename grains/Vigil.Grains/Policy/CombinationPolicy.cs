namespace Vigil.Grains.Policy;

/// <summary>
/// How decayed evidence becomes a 0..1 risk per category. Each source gives a signal in 0..1: the decayed peak
/// classifier score; reports n as n / (n + <see cref="ReportHalfSaturation"/>); keyword hits h as
/// h / (h + <see cref="KeywordHalfSaturation"/>). A source's contribution is weight x signal, and contributions
/// combine as independent evidence (noisy-OR): risk = 1 - (1 - a)(1 - r)(1 - k). So a weight is the most that
/// source can establish on its own, more evidence never lowers risk, and every part of a risk can be named.
/// </summary>
public sealed record CombinationPolicy
{
    public required double AutomatedWeight { get; init; }

    public required double ReportWeight { get; init; }

    public required double KeywordWeight { get; init; }

    /// <summary>Decayed report count that gives half the report signal (3 means three fresh reports give 0.5).</summary>
    public required double ReportHalfSaturation { get; init; }

    /// <summary>Decayed keyword-hit count that gives half the keyword signal.</summary>
    public required double KeywordHalfSaturation { get; init; }
}
