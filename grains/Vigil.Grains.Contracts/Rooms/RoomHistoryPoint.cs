using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Contracts.Rooms;

/// <summary>
/// One minute of a room: viewers at the minute's last sample, gift coins and chat lines sent in it, and the highest
/// risk (0..1) each category reached in it.
/// </summary>
public sealed record RoomHistoryPoint(DateTimeOffset At, int Viewers, double GiftValue, int ChatLines, IReadOnlyDictionary<Category, double> Risks);
