using Vigil.Dashboard.Identity;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Vigil.Silo.Api;

/// <summary>
/// Signs in scripts by <c>Authorization: Bearer &lt;token&gt;</c> against the configured tokens. Tokens are compared in
/// constant time so response timing does not leak how much of a guess was right.
/// </summary>
public sealed class BearerTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<ApiOptions> api) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        foreach (var token in api.CurrentValue.Tokens)
        {
            if (token.Token.Length > 0 && CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(token.Token)))
            {
                var claims = new List<Claim> { new(ClaimTypes.Name, token.Name) };
                claims.AddRange(token.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
                claims.AddRange(token.Regions.Select(r => new Claim(VigilClaims.Region, r)));
                if (!string.IsNullOrWhiteSpace(token.AdvisorId))
                {
                    claims.Add(new Claim(VigilClaims.AdvisorId, token.AdvisorId));
                }

                var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
                return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
            }
        }

        return Task.FromResult(AuthenticateResult.Fail("Unknown bearer token."));
    }
}
