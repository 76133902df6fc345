using System.Security.Claims;

namespace Vigil.Dashboard.Identity;

/// <summary>The signed-in caller as <c>/auth/me</c> returns it; <c>regions</c> empty means every region.</summary>
public sealed record Me(
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Regions,
    string? AdvisorId,
    string Language)
{
    public static Me Of(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? "";
        return new Me(
            name,
            user.FindFirst(VigilClaims.DisplayName)?.Value ?? name,
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal)],
            [.. user.FindAll(VigilClaims.Region).Select(c => c.Value).Distinct(StringComparer.Ordinal)],
            user.AdvisorIdOf(),
            user.LanguageOf());
    }
}
