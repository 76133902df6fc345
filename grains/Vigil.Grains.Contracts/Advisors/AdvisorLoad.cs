namespace Vigil.Grains.Contracts.Advisors;

/// <summary>An advisor of a region and how many VIPs the region's roster gives them.</summary>
public sealed record AdvisorLoad(string AdvisorId, int Vips);
