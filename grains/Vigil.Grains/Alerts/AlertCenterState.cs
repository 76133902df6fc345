using Vigil.Grains.Contracts.Alerts;

namespace Vigil.Grains.Alerts;

/// <summary>The persistent state of one region's alert center.</summary>
public sealed class AlertCenterState
{
    public Dictionary<string, AlertRecord> Alerts { get; set; } = [];

    /// <summary>Open (not resolved) alert id per "roomId|category": at most one per pair.</summary>
    public Dictionary<string, string> OpenByRoomCategory { get; set; } = [];

    public long NextSequence { get; set; } = 1;
}
