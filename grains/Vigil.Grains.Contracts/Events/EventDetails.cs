namespace Vigil.Grains.Contracts.Events;

/// <summary>
/// The fields of <see cref="LiveEvent"/> that only the rarer event types carry, kept apart so that the frequent types
/// do not pay for them; read them through the event's own properties of the same names.
/// </summary>
public sealed record EventDetails
{
    /// <summary>Details with nothing set, the start of every copy that sets one.</summary>
    public static EventDetails None { get; } = new();

    /// <summary>Room title (<c>room.started</c>); attacker-controlled.</summary>
    public string? Title { get; init; }

    public RoomEndReason? EndReason { get; init; }

    public Category? Category { get; init; }

    /// <summary>Reporter's note (<c>report.filed</c>); attacker-controlled, at most 2000 chars.</summary>
    public string? Note { get; init; }

    /// <summary>Classifier score 0..1 (<c>moderation.score</c>).</summary>
    public double? Score { get; init; }

    public ScoreSource? Source { get; init; }

    public string? Model { get; init; }

    public string? DecisionId { get; init; }

    public string? ModeratorId { get; init; }

    public ModerationAction? Action { get; init; }

    public DecisionStage? Stage { get; init; }

    public SessionAction? SessionAction { get; init; }

    /// <summary>Session length on <c>user.session</c> end, at least 0.</summary>
    public double? Minutes { get; init; }

    public string? TicketId { get; init; }

    public string? Topic { get; init; }

    public ComplaintSeverity? Severity { get; init; }

    /// <summary>Satisfaction survey answer, 1..5.</summary>
    public int? SurveyScore { get; init; }
}
