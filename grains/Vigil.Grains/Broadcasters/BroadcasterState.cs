using Vigil.Grains.Contracts.Broadcasters;

namespace Vigil.Grains.Broadcasters;

/// <summary>The persistent state of one broadcaster.</summary>
public sealed class BroadcasterState
{
    public List<EnforcementRecord> History { get; set; } = [];

    /// <summary>Open alert ids on this broadcaster's rooms, with whether each is P1.</summary>
    public Dictionary<string, bool> OpenAlerts { get; set; } = [];

    public HashSet<string> SessionRooms { get; set; } = [];
}
