using System.Security.Claims;

namespace Vigil.Dashboard.Identity;

/// <summary>Turns a user account into the claims of a cookie session (SPEC.md's claim set plus the account's stamp).</summary>
internal static class UserPrincipals
{
    /// <summary>The account's <see cref="UserAccount.Stamp"/> when the cookie was issued.</summary>
    public const string StampClaim = "vigil:stamp";

    public static ClaimsPrincipal Of(UserAccount user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(VigilClaims.DisplayName, user.DisplayName),
            new(VigilClaims.Language, user.Language),
            new(StampClaim, user.Stamp),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(user.Regions.Select(r => new Claim(VigilClaims.Region, r)));
        if (user.AdvisorId is { } advisorId)
        {
            claims.Add(new Claim(VigilClaims.AdvisorId, advisorId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
