namespace Vigil.Grains.Contracts.Events;

/// <summary>Why a live session ended.</summary>
public enum RoomEndReason
{
    Normal,
    Moderator,
    System,
}
