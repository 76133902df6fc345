using Vigil.Grains.Contracts.Vips;
using Vigil.Runtime.Grains;

namespace Vigil.Grains.Contracts.Advisors;

/// <summary>
/// A region's advisor directory (keyed by region, e.g. <c>MENA</c>): the admin roster of which advisor looks after which
/// VIP, and the region's advisors with their load, so a VIP without an advisor goes to the least-loaded one.
/// </summary>
public interface IAdvisorDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Makes an advisor part of the region (with no VIPs yet), so automatic assignment can pick them.</summary>
    Task AddAdvisor(string advisorId);

    Task<IReadOnlyList<AdvisorLoad>> GetAdvisors();

    Task<VipAssignment?> GetAssignment(string userId);

    /// <summary>
    /// The VIP's roster entry; when there is none, assigns the VIP to the advisor with the fewest VIPs (ties by id) and
    /// records it. Null when the region has no advisors.
    /// </summary>
    Task<VipAssignment?> AssignLeastLoaded(string userId);

    /// <summary>An admin assigns a VIP to an advisor of this region (called by the VIP's grain).</summary>
    Task<VipAssignment> Assign(string userId, string advisorId, VipTier? tier);

    /// <summary>
    /// Imports roster CSV lines <c>userId,advisorId,tier</c> (a header line and an empty tier are allowed): every good line
    /// is applied and the VIP told; every bad line is reported with its line number and field.
    /// </summary>
    Task<RosterImportResult> ImportRoster(string csv);
}
