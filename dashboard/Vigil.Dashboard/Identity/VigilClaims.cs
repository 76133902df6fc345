using System.Security.Claims;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Dashboard.Identity;

/// <summary>
/// The claims a signed-in person (cookie) or script (bearer token) carries beyond name and roles, and how the API and
/// the live hub read them: which regions an operator may see, which advisor an advisor is, which language they read.
/// </summary>
public static class VigilClaims
{
    /// <summary>One claim per region the caller may see; none means every region.</summary>
    public const string Region = "vigil:region";

    /// <summary>The advisor id whose VIPs and nudges an advisor sees; defaults to the user name.</summary>
    public const string AdvisorId = "vigil:advisor";

    /// <summary>The caller's UI language: <c>en</c>, <c>ar</c> or <c>es</c>.</summary>
    public const string Language = "vigil:lang";

    public const string DisplayName = "vigil:display";

    /// <summary>The regions the caller may see, or null for all regions (always for an admin, whatever their claims).</summary>
    public static IReadOnlySet<Region>? VisibleRegions(this ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return null;
        }

        HashSet<Region>? regions = null;
        foreach (var claim in user.FindAll(Region))
        {
            if (Enum.TryParse<Region>(claim.Value, ignoreCase: false, out var region))
            {
                (regions ??= []).Add(region);
            }
        }

        return regions;
    }

    public static bool CanSeeRegion(this ClaimsPrincipal user, Region region) => user.VisibleRegions() is not { } regions || regions.Contains(region);

    /// <summary>The advisor id of an advisor (the claim, else the user name); null for a caller without the advisor role.</summary>
    public static string? AdvisorIdOf(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Advisor) ? user.FindFirst(AdvisorId)?.Value ?? user.Identity?.Name : null;

    public static string LanguageOf(this ClaimsPrincipal user) => user.FindFirst(Language)?.Value ?? "en";
}
