namespace Vigil.Simulator.Truth;

/// <summary>A benign decoy: one high score or one report that is not part of any episode (false-positive pressure).</summary>
public sealed record NoiseTruth : GroundTruthRecord
{
    public const string LoneHighScore = "lone_high_score";
    public const string LoneReport = "lone_report";

    public override string Kind => "noise";

    public required string Id { get; init; }

    /// <summary><see cref="LoneHighScore"/> or <see cref="LoneReport"/>.</summary>
    public required string Signal { get; init; }

    public required string RoomId { get; init; }

    public required string BroadcasterId { get; init; }

    public required string Region { get; init; }

    public required string Category { get; init; }

    public required DateTimeOffset Ts { get; init; }

    public double? Score { get; init; }
}
