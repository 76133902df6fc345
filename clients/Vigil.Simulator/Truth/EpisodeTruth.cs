namespace Vigil.Simulator.Truth;

/// <summary>
/// A violation episode: a room whose classifier scores escalate and whose viewers report it for one category over
/// minutes. Written when the stream passes <see cref="End"/> (or, cut short by the end of the run, with
/// <see cref="Complete"/> false and the counts of what was actually sent).
/// </summary>
public sealed record EpisodeTruth : GroundTruthRecord
{
    public override string Kind => "episode";

    public required string Id { get; init; }

    public required string RoomId { get; init; }

    public required string BroadcasterId { get; init; }

    /// <summary>Contract region name, e.g. <c>MENA</c>.</summary>
    public required string Region { get; init; }

    /// <summary>Contract category name, e.g. <c>minor_safety</c>.</summary>
    public required string Category { get; init; }

    /// <summary>The severity a correct detector raises: <c>P1</c> (act now) to <c>P4</c>.</summary>
    public required string Severity { get; init; }

    /// <summary><c>strong</c>, <c>moderate</c> or <c>weak</c> evidence.</summary>
    public required string Strength { get; init; }

    public required DateTimeOffset Start { get; init; }

    /// <summary>Time of the last evidence; every score, report and keyword line of the episode lies in [Start, End].</summary>
    public required DateTimeOffset End { get; init; }

    /// <summary>Classifier sources that scored the episode (<c>video</c>, <c>audio</c>, <c>chat</c>, <c>image</c>).</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    public required int ScoreEvents { get; init; }

    public required double PeakScore { get; init; }

    public required int Reports { get; init; }

    public required int ChatLines { get; init; }

    public required bool Complete { get; init; }

    /// <summary>The moderator decision planned after the episode (contract action name), if any.</summary>
    public string? DecisionAction { get; init; }

    /// <summary><c>live</c> or <c>post</c>, when a decision is planned.</summary>
    public string? DecisionStage { get; init; }
}
