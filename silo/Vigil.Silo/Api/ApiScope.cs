using System.Security.Claims;
using Vigil.Dashboard.Identity;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Silo.Api;

/// <summary>
/// What a caller may see: operators, QA and commanders only their regions (<see cref="VigilClaims.VisibleRegions"/>),
/// advisors only their own VIPs and nudges, admins everything. Answers out of scope are 403 with a reason.
/// </summary>
public static class ApiScope
{
    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    public static bool Sees(this ClaimsPrincipal user, Region region) => user.CanSeeRegion(region);

    /// <summary>The regions the caller sees, or null for all (<see cref="VigilClaims.VisibleRegions"/>).</summary>
    public static IReadOnlySet<Region>? Regions(this ClaimsPrincipal user) => user.VisibleRegions();

    /// <summary>True when the caller looks after <paramref name="advisorId"/>'s VIPs: that advisor, or an admin.</summary>
    public static bool ActsFor(this ClaimsPrincipal user, string? advisorId) =>
        user.IsAdmin() || (advisorId is not null && user.AdvisorIdOf() == advisorId);

    public static IResult Forbidden(string reason) => Results.Problem(reason, statusCode: StatusCodes.Status403Forbidden);

    public static IResult BadRequest(string reason) => Results.Problem(reason, statusCode: StatusCodes.Status400BadRequest);

    public static IResult OutOfRegion(Region region) => Forbidden($"Region {region} is not one of your regions.");
}
