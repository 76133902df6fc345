using Vigil.Grains.Contracts.Events;
using Vigil.Runtime.Grains;

namespace Vigil.Grains.Contracts.Vips;

/// <summary>A (potential) VIP user: daily engagement, tier from 30-day spend, churn risk with reasons, advisor nudges.</summary>
public interface IVipUserGrain : IGrainWithStringKey
{
    /// <summary>Applies a batch of this user's events (gifts, viewing, sessions, complaints, surveys).</summary>
    Task Apply(IReadOnlyList<LiveEvent> events);
}
