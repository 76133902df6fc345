namespace Vigil.Grains.Contracts.Events;

/// <summary>
/// One validated event of contract v1 (shared/contracts/events-v1.md). A single flat, immutable record for every type
/// keeps ingest to one allocation per event and lets grains take batches of mixed types; which optional fields are
/// set depends on <see cref="Type"/>, as the contract's table says. Text fields are attacker-controlled.
/// </summary>
public sealed record LiveEvent
{
    public required string Id { get; init; }

    public required EventType Type { get; init; }

    /// <summary>Event time, as sent by the producer (state follows event time, not arrival time).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    public required Region Region { get; init; }

    public string? RoomId { get; init; }

    public string? BroadcasterId { get; init; }

    public string? UserId { get; init; }

    /// <summary>Room title (<c>room.started</c>); attacker-controlled.</summary>
    public string? Title { get; init; }

    /// <summary>BCP 47 language tag (<c>room.started</c>, <c>chat.message</c>).</summary>
    public string? Lang { get; init; }

    public RoomEndReason? EndReason { get; init; }

    /// <summary>Chat text (<c>chat.message</c>); attacker-controlled, 1-2000 chars.</summary>
    public string? Text { get; init; }

    public string? GiftId { get; init; }

    /// <summary>Gift value in platform coins (<c>gift.sent</c>), greater than 0.</summary>
    public double? Value { get; init; }

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
