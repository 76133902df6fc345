using Vigil.Grains.Contracts.Events;
using Vigil.Simulator.Truth;

namespace Vigil.Simulator.Generation;

/// <summary>A violation episode in progress: its plan and what of its evidence has actually left the generator.</summary>
internal sealed class Episode
{
    public required string Id { get; init; }

    public required Room Room { get; init; }

    public required Category Category { get; init; }

    public required EvidenceStrength Strength { get; init; }

    public required string Severity { get; init; }

    public required long StartTicks { get; init; }

    public required long EndTicks { get; init; }

    public required IReadOnlyList<ScoreSource> Sources { get; init; }

    public ModerationAction? DecisionAction { get; set; }

    public DecisionStage? DecisionStage { get; set; }

    public int Scores { get; private set; }

    public int Reports { get; private set; }

    public int ChatLines { get; private set; }

    public double PeakScore { get; private set; }

    public long LastEvidenceTicks { get; private set; }

    public bool TruthWritten { get; set; }

    public bool HasEvidence => Scores + Reports + ChatLines > 0;

    /// <summary>Counts an evidence event once it is handed out.</summary>
    public void Counted(SimEvent e)
    {
        switch (e.Type)
        {
            case EventType.ModerationScore:
                Scores++;
                PeakScore = Math.Max(PeakScore, e.Score ?? 0);
                break;
            case EventType.ReportFiled:
                Reports++;
                break;
            default:
                ChatLines++;
                break;
        }

        LastEvidenceTicks = Math.Max(LastEvidenceTicks, e.Ticks);
    }

    public EpisodeTruth ToTruth(bool complete) => new()
    {
        Id = Id,
        RoomId = Room.Id,
        BroadcasterId = Room.BroadcasterId,
        Region = Room.Region.Region.ToString(),
        Category = EventNames.Name(Category),
        Severity = Severity,
        Strength = Strength.ToString().ToLowerInvariant(),
        Start = new DateTimeOffset(StartTicks, TimeSpan.Zero),
        End = new DateTimeOffset(complete ? EndTicks : Math.Max(StartTicks, LastEvidenceTicks), TimeSpan.Zero),
        Sources = Sources.Select(Wire.Name).ToArray(),
        ScoreEvents = Scores,
        PeakScore = PeakScore,
        Reports = Reports,
        ChatLines = ChatLines,
        Complete = complete,
        DecisionAction = DecisionAction is { } action ? EventNames.Name(action) : null,
        DecisionStage = DecisionStage is { } stage ? Wire.Name(stage) : null,
    };
}
