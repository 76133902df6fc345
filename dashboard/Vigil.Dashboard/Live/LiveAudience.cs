using System.Security.Claims;
using Vigil.Dashboard.Identity;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Dashboard.Live;

/// <summary>
/// What one signed-in caller may see on the live feed, read once from their claims when they connect so that the
/// fan-out decides per item with a few bit tests and no allocation: alerts, heat and incidents for the safety roles in
/// their regions (the <c>global</c> heat list only for all-region callers), nudges only for their own advisor id
/// (admin: every nudge).
/// </summary>
public sealed class LiveAudience
{
    private const uint AllRegionBits = uint.MaxValue;

    private readonly uint _regions;

    private LiveAudience(bool seesSafety, uint regions, bool allRegions, bool seesAllNudges, string? advisorId)
    {
        SeesSafety = seesSafety;
        _regions = regions;
        AllRegions = allRegions;
        SeesAllNudges = seesAllNudges;
        AdvisorId = advisorId;
    }

    /// <summary>Alerts, heat and incidents (operator, commander, qa, admin).</summary>
    public bool SeesSafety { get; }

    public bool AllRegions { get; }

    public bool SeesAllNudges { get; }

    /// <summary>The advisor id whose nudges the caller receives; null for a caller who is not an advisor.</summary>
    public string? AdvisorId { get; }

    public bool SeesNudges => SeesAllNudges || AdvisorId is not null;

    public static LiveAudience Of(ClaimsPrincipal user)
    {
        var isAdmin = user.IsInRole(Roles.Admin);
        var seesSafety = isAdmin || user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Commander) || user.IsInRole(Roles.Qa);
        var visible = user.VisibleRegions();
        uint regions = AllRegionBits;
        if (visible is not null)
        {
            regions = 0;
            foreach (var region in visible)
            {
                regions |= LiveItem.RegionBit(region);
            }
        }

        return new LiveAudience(seesSafety, regions, visible is null, isAdmin, user.AdvisorIdOf());
    }

    public bool CanSeeRegion(Region region) => (_regions & LiveItem.RegionBit(region)) != 0;

    /// <summary>Whether something spanning <paramref name="regions"/> is visible: one visible region is enough; none means every region.</summary>
    public bool CanSeeRegions(IReadOnlyList<Region> regions)
    {
        if (regions.Count == 0)
        {
            return true;
        }

        foreach (var region in regions)
        {
            if (CanSeeRegion(region))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether this caller may receive the item; called for every item and connection, so it must stay cheap.</summary>
    public bool CanSee(LiveItem item)
    {
        switch (item.Kind)
        {
            case LiveKind.Nudge:
                return SeesAllNudges || (AdvisorId is not null && string.Equals(AdvisorId, item.AdvisorId, StringComparison.Ordinal));
            case LiveKind.Heat:
                // A region's list goes to callers who see that region; the global list only to all-region callers.
                return SeesSafety && (item.Regions == 0 ? AllRegions : (_regions & item.Regions) != 0);
            case LiveKind.Alert:
            case LiveKind.Incident:
                // An incident without regions (no linked alert found) is everyone's business on the safety side.
                return SeesSafety && (item.Regions == 0 || (_regions & item.Regions) != 0);
            default:
                return false;
        }
    }
}
