using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Events;
using Vigil.Runtime.Grains;

namespace Vigil.Grains.Contracts.Vips;

/// <summary>A (potential) VIP user: daily engagement, tier from 30-day spend, churn risk with reasons, advisor nudges.</summary>
public interface IVipUserGrain : IGrainWithStringKey
{
    /// <summary>Applies a batch of this user's events (gifts, viewing, sessions, complaints, surveys).</summary>
    Task Apply(IReadOnlyList<LiveEvent> events);

    /// <summary>Tier, advisor, churn risk with reasons and recent engagement, assessed now (<c>GET /api/vips/{userId}</c>).</summary>
    [ReadOnly]
    Task<VipProfile> GetProfile();

    /// <summary>The last 60 days of engagement and the baseline the churn model compares with (<c>GET /api/vips/{userId}/history</c>).</summary>
    [ReadOnly]
    Task<VipHistory> GetHistory();

    /// <summary>
    /// An admin assigns this VIP to an advisor, optionally fixing the tier (<c>PUT /api/vips/{userId}</c>); the VIP is
    /// recorded in the roster of its region's directory. Throws <see cref="ArgumentException"/> for an empty advisor id.
    /// </summary>
    Task<VipProfile> Assign(string advisorId, VipTier? tier);

    /// <summary>The region's directory assigned this VIP (roster import); the directory has already recorded it.</summary>
    [OneWay]
    Task AcceptAssignment(VipAssignment assignment);

    /// <summary>The advisor changed this VIP's nudge (acknowledged, contacted, resolved, snoozed, snooze ended).</summary>
    [OneWay]
    Task OnNudgeChanged(Nudge nudge);

    /// <summary>Re-assesses churn risk now (time passes without events) and nudges the advisor when due.</summary>
    [OneWay]
    Task Reassess();
}
