namespace Vigil.Grains.Contracts.Events;

/// <summary>
/// One validated event of contract v1 (shared/contracts/events-v1.md). One immutable record for every type lets grains
/// take batches of mixed types; which optional fields are set depends on <see cref="Type"/>, as the contract's table
/// says. Text fields are attacker-controlled.
/// </summary>
/// <remarks>
/// The fields of the frequent types (viewing, chat with its language, gifts) are the record's own, so those events
/// cost one allocation of about 110 B. The fields only rarer types carry (a room's title, a score, a decision, a
/// complaint...) live in <see cref="Details"/>, allocated only when one of them is set; they read and initialize as
/// the record's own properties, and <c>with</c> copies the details it changes. With all of them inline every event
/// cost about 290 B, the largest share of what ingest allocates.
/// </remarks>
public sealed record LiveEvent
{
    private EventDetails? _details;

    public required string Id { get; init; }

    public required EventType Type { get; init; }

    /// <summary>Event time, as sent by the producer (state follows event time, not arrival time).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    public required Region Region { get; init; }

    /// <summary>
    /// The fields of the rarer types, null when none is set; each also reads as a property of this record. Setting it
    /// replaces those fields wholesale, including any set before it in the same initializer.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public EventDetails? Details
    {
        get => _details;
        init => _details = value;
    }

    public string? RoomId { get; init; }

    public string? BroadcasterId { get; init; }

    public string? UserId { get; init; }

    /// <summary>Room title (<c>room.started</c>); attacker-controlled.</summary>
    public string? Title
    {
        get => _details?.Title;
        init => _details = Keeps(value) ? Editable with { Title = value } : null;
    }

    /// <summary>BCP 47 language tag (<c>room.started</c>, <c>chat.message</c>).</summary>
    public string? Lang { get; init; }

    public RoomEndReason? EndReason
    {
        get => _details?.EndReason;
        init => _details = Keeps(value) ? Editable with { EndReason = value } : null;
    }

    /// <summary>Chat text (<c>chat.message</c>); attacker-controlled, 1-2000 chars.</summary>
    public string? Text { get; init; }

    public string? GiftId { get; init; }

    /// <summary>Gift value in platform coins (<c>gift.sent</c>), greater than 0.</summary>
    public double? Value { get; init; }

    public Category? Category
    {
        get => _details?.Category;
        init => _details = Keeps(value) ? Editable with { Category = value } : null;
    }

    /// <summary>Reporter's note (<c>report.filed</c>); attacker-controlled, at most 2000 chars.</summary>
    public string? Note
    {
        get => _details?.Note;
        init => _details = Keeps(value) ? Editable with { Note = value } : null;
    }

    /// <summary>Classifier score 0..1 (<c>moderation.score</c>).</summary>
    public double? Score
    {
        get => _details?.Score;
        init => _details = Keeps(value) ? Editable with { Score = value } : null;
    }

    public ScoreSource? Source
    {
        get => _details?.Source;
        init => _details = Keeps(value) ? Editable with { Source = value } : null;
    }

    public string? Model
    {
        get => _details?.Model;
        init => _details = Keeps(value) ? Editable with { Model = value } : null;
    }

    public string? DecisionId
    {
        get => _details?.DecisionId;
        init => _details = Keeps(value) ? Editable with { DecisionId = value } : null;
    }

    public string? ModeratorId
    {
        get => _details?.ModeratorId;
        init => _details = Keeps(value) ? Editable with { ModeratorId = value } : null;
    }

    public ModerationAction? Action
    {
        get => _details?.Action;
        init => _details = Keeps(value) ? Editable with { Action = value } : null;
    }

    public DecisionStage? Stage
    {
        get => _details?.Stage;
        init => _details = Keeps(value) ? Editable with { Stage = value } : null;
    }

    public SessionAction? SessionAction
    {
        get => _details?.SessionAction;
        init => _details = Keeps(value) ? Editable with { SessionAction = value } : null;
    }

    /// <summary>Session length on <c>user.session</c> end, at least 0.</summary>
    public double? Minutes
    {
        get => _details?.Minutes;
        init => _details = Keeps(value) ? Editable with { Minutes = value } : null;
    }

    public string? TicketId
    {
        get => _details?.TicketId;
        init => _details = Keeps(value) ? Editable with { TicketId = value } : null;
    }

    public string? Topic
    {
        get => _details?.Topic;
        init => _details = Keeps(value) ? Editable with { Topic = value } : null;
    }

    public ComplaintSeverity? Severity
    {
        get => _details?.Severity;
        init => _details = Keeps(value) ? Editable with { Severity = value } : null;
    }

    /// <summary>Satisfaction survey answer, 1..5.</summary>
    public int? SurveyScore
    {
        get => _details?.SurveyScore;
        init => _details = Keeps(value) ? Editable with { SurveyScore = value } : null;
    }

    /// <summary>The details a rarer field's initializer copies: this event's, or none yet.</summary>
    private EventDetails Editable => _details ?? EventDetails.None;

    /// <summary>Whether setting a rarer field to <paramref name="value"/> needs details: not for a null on an event without any.</summary>
    private bool Keeps<T>(T value) => value is not null || _details is not null;
}
