namespace Vigil.Grains.Policy;

/// <summary>
/// Half-lives, in seconds, of each evidence source: after one half-life a piece of evidence counts half as much.
/// Classifier scores describe the room "right now" and fade fast; user reports arrive slowly and fade slowly.
/// </summary>
public sealed record DecayPolicy
{
    public required double AutomatedScoreHalfLifeSeconds { get; init; }

    public required double UserReportHalfLifeSeconds { get; init; }

    public required double ChatKeywordHalfLifeSeconds { get; init; }
}
