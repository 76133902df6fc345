using Vigil.Grains.Contracts.Heat;
using Vigil.Grains.Heat;
using Vigil.Runtime.Grains;

namespace Vigil.Grains.Rooms;

/// <summary>
/// Reports one room to its region's and the global heat list, throttled to the lists' refresh period. Holds the
/// throttle's memory (what was last reported, and when) so the room grain only says when the room's heat may have
/// changed.
/// </summary>
public sealed class HeatReporter(IGrainFactory grains, TimeProvider time, string roomId)
{
    private DateTimeOffset _lastHeatReport;
    private (bool Live, bool Flagged)? _lastReported;

    /// <summary>
    /// Reports to the region's and the global heat list at once when the room starts, ends or its flag changes, and
    /// otherwise at most once per list refresh: the lists re-rank only that often, so more reports would be lost work.
    /// </summary>
    public void Report(LiveRoomState room, DateTimeOffset now, double maxRisk, bool flagged)
    {
        var wall = time.GetUtcNow();
        if (_lastReported == (room.Live, flagged) && wall - _lastHeatReport < HeatListGrain.RefreshPeriod)
        {
            return;
        }

        _lastReported = (room.Live, flagged);
        _lastHeatReport = wall;
        var entry = new HeatEntry(roomId, HeatScore.Of(room, now), room.Viewers, Math.Round(maxRisk, 3), flagged, room.Title);
        grains.GetGrain<IHeatListGrain>(room.Region.ToString()).Report(entry, room.Live);
        grains.GetGrain<IHeatListGrain>("global").Report(entry, room.Live);
    }
}
