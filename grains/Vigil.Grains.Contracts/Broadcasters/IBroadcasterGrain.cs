using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Runtime.Grains;

namespace Vigil.Grains.Contracts.Broadcasters;

/// <summary>A broadcaster across all their rooms: strikes, enforcement history, the suggested next enforcement step.</summary>
public interface IBroadcasterGrain : IGrainWithStringKey
{
    /// <summary>Applies a batch of this broadcaster's events (sessions and moderation decisions).</summary>
    Task Apply(IReadOnlyList<LiveEvent> events);

    /// <summary>An alert on one of this broadcaster's rooms was raised or changed.</summary>
    [OneWay]
    Task OnAlertChanged(AlertSnapshot alert);

    [ReadOnly]
    Task<BroadcasterSnapshot> GetState();
}
