namespace Vigil.Grains.Rooms;

/// <summary>
/// How hot a room is right now: audience first, then how lively and how lucrative it is. Log scales keep one
/// mega-room from flattening every other room on the list.
/// </summary>
public static class HeatScore
{
    public static double Compute(int viewers, double chatPerMinute, double giftValuePerMinute, double followsPerMinute) =>
        Math.Round(
            (40 * Math.Log10(1 + Math.Max(0, viewers)))
            + (25 * Math.Log10(1 + Math.Max(0, chatPerMinute)))
            + (25 * Math.Log10(1 + Math.Max(0, giftValuePerMinute)))
            + (10 * Math.Log10(1 + Math.Max(0, followsPerMinute))),
            2);

    /// <summary>The heat of <paramref name="room"/> at <paramref name="now"/>; a room that is not live has none.</summary>
    public static double Of(LiveRoomState room, DateTimeOffset now)
    {
        if (!room.Live)
        {
            return 0;
        }

        return Compute(room.Viewers, room.Chat.Rate(now).CountPerMinute, room.Gifts.Rate(now).SumPerMinute, room.Follows.Rate(now).CountPerMinute);
    }
}
