namespace Vigil.Ingest.Parsing;

/// <summary>The fields of contract v1 the parser keeps; every other property of an event is ignored.</summary>
internal enum EventField : byte
{
    Id,
    Type,
    Ts,
    Region,
    RoomId,
    BroadcasterId,
    UserId,
    Title,
    Lang,
    Reason,
    Text,
    GiftId,
    Value,
    Category,
    Note,
    Score,
    Source,
    Model,
    DecisionId,
    ModeratorId,
    Action,
    Stage,
    Minutes,
    TicketId,
    Topic,
    Severity,
    None = byte.MaxValue,
}
