namespace Vigil.Grains.Policy;

/// <summary>
/// Where a live room (or one category of it) stands in the state machine Normal -> Watch -> Alert -> Escalated.
/// Ordered: a larger value is a worse state, so the room's state is the maximum over its categories.
/// </summary>
public enum RoomState
{
    Normal = 0,
    Watch = 1,
    Alert = 2,
    Escalated = 3,
}
