using Vigil.Grains.Contracts.Vips;

namespace Vigil.Grains.Advisors;

/// <summary>The persistent state of <see cref="AdvisorDirectoryGrain"/>.</summary>
public sealed class AdvisorDirectoryState
{
    /// <summary>The roster: user id -> assignment.</summary>
    public Dictionary<string, VipAssignment> Vips { get; set; } = [];

    /// <summary>The region's advisors: advisor id -> number of roster VIPs (advisors with none included).</summary>
    public Dictionary<string, int> Advisors { get; set; } = [];
}
