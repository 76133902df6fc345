using Vigil.Grains.Contracts.Events;

namespace Vigil.Simulator.Generation;

/// <summary>
/// One planned event before it gets its id and is written as contract JSON; mutable and internal because the world
/// creates hundreds of thousands a second. A marker (<see cref="IsMarker"/>) is not written: it only runs
/// <see cref="OnEmitted"/> when the stream reaches its time, which is how ground truth is written in step with the events.
/// </summary>
internal sealed class SimEvent
{
    public EventType Type { get; init; }

    /// <summary>Event time in UTC ticks, whole milliseconds.</summary>
    public long Ticks { get; init; }

    /// <summary>Creation order; breaks ties between equal timestamps so the order is the same every run.</summary>
    public long Sequence { get; set; }

    public Region Region { get; init; }

    public string? RoomId { get; init; }

    public string? BroadcasterId { get; init; }

    public string? UserId { get; init; }

    public string? Title { get; init; }

    public string? Lang { get; init; }

    public RoomEndReason? EndReason { get; init; }

    public string? Text { get; init; }

    public string? GiftId { get; init; }

    public long? Value { get; init; }

    public Category? Category { get; init; }

    public string? Note { get; init; }

    public double? Score { get; init; }

    public ScoreSource? Source { get; init; }

    public string? Model { get; init; }

    public string? DecisionId { get; init; }

    public string? ModeratorId { get; init; }

    public ModerationAction? Action { get; init; }

    public DecisionStage? Stage { get; init; }

    public SessionAction? SessionAction { get; init; }

    public double? Minutes { get; init; }

    public string? TicketId { get; init; }

    public string? Topic { get; init; }

    public ComplaintSeverity? Severity { get; init; }

    public int? SurveyScore { get; init; }

    /// <summary>Background traffic that may be delivered a little late, out of order.</summary>
    public bool MayArriveLate { get; init; }

    public bool IsMarker { get; init; }

    /// <summary>Runs when the stream hands this event out (or reaches this marker): truth counters and records.</summary>
    public Action<SimEvent>? OnEmitted { get; init; }

    public static SimEvent Marker(long ticks, Action<SimEvent> onReached) => new() { Ticks = ticks, IsMarker = true, OnEmitted = onReached };
}
