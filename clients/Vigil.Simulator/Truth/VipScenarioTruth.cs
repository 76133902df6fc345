namespace Vigil.Simulator.Truth;

/// <summary>
/// The trajectory planned for one VIP user: <c>loyal</c> (steady), <c>drift</c> (sessions and spend decline slowly
/// from <see cref="Onset"/>) or <c>abrupt</c> (no session at all from <see cref="Onset"/>, after a bad support experience).
/// </summary>
public sealed record VipScenarioTruth : GroundTruthRecord
{
    public const string Loyal = "loyal";
    public const string Drift = "drift";
    public const string Abrupt = "abrupt";

    public override string Kind => "vip";

    public required string UserId { get; init; }

    public required string Region { get; init; }

    public required string Scenario { get; init; }

    /// <summary>When the churn begins; null for loyal users.</summary>
    public DateTimeOffset? Onset { get; init; }

    public required double SessionsPerDay { get; init; }

    /// <summary>Median coins spent per session before any churn.</summary>
    public required double SessionSpend { get; init; }
}
