namespace Vigil.Grains.Contracts.Events;

/// <summary>The event types of contract v1 (<c>type</c> field); the wire names are in <see cref="EventNames"/>.</summary>
public enum EventType
{
    RoomStarted,
    RoomEnded,
    ViewerJoined,
    ViewerLeft,
    ChatMessage,
    GiftSent,
    Follow,
    ReportFiled,
    ModerationScore,
    ModerationDecision,
    UserSession,
    UserComplaint,
    ComplaintResolved,
    SatisfactionSurvey,
}
