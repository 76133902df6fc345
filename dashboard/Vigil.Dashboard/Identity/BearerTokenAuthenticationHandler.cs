using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Vigil.Dashboard.Identity;

/// <summary>
/// Signs in scripts by <c>Authorization: Bearer &lt;token&gt;</c> against the configured tokens (on <c>/hubs/*</c> also by
/// the <c>access_token</c> query parameter, which SignalR's WebSocket transport uses because it cannot send headers).
/// Tokens are compared in constant time so response timing does not leak how much of a guess was right.
/// </summary>
public sealed class BearerTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<ApiOptions> api) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private const string Prefix = "Bearer ";

    /// <summary>True when the request presents a bearer token this handler should judge.</summary>
    public static bool IsPresentedBy(HttpRequest request) => PresentedToken(request) is not null;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedToken(Request) is not { } text)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = Encoding.UTF8.GetBytes(text);
        foreach (var token in api.CurrentValue.Tokens)
        {
            if (token.Token.Length > 0 && CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(token.Token)))
            {
                var principal = new ClaimsPrincipal(new ClaimsIdentity(ClaimsOf(token), SchemeName, ClaimTypes.Name, ClaimTypes.Role));
                return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
            }
        }

        return Task.FromResult(AuthenticateResult.Fail("Unknown bearer token."));
    }

    private static List<Claim> ClaimsOf(ApiToken token)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, token.Name), new(VigilClaims.DisplayName, token.Name) };
        claims.AddRange(token.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(token.Regions.Select(r => new Claim(VigilClaims.Region, r)));
        if (token.AdvisorId is { } advisorId)
        {
            claims.Add(new Claim(VigilClaims.AdvisorId, advisorId));
        }

        return claims;
    }

    private static string? PresentedToken(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        if (header is not null && header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return header[Prefix.Length..].Trim();
        }

        if (request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase)
            && request.Query.TryGetValue("access_token", out var query) && query.Count == 1 && !string.IsNullOrEmpty(query[0]))
        {
            return query[0];
        }

        return null;
    }
}
