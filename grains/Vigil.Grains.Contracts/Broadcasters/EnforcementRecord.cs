using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Contracts.Broadcasters;

/// <summary>One human moderation decision about the broadcaster (the record QA reviews).</summary>
public sealed record EnforcementRecord(
    string DecisionId,
    string ModeratorId,
    ModerationAction Action,
    Category Category,
    DecisionStage Stage,
    string? RoomId,
    DateTimeOffset At);
