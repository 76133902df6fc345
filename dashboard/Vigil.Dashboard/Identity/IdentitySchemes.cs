namespace Vigil.Dashboard.Identity;

/// <summary>Names of the authentication schemes: one default policy scheme that forwards to bearer or cookie.</summary>
public static class IdentitySchemes
{
    /// <summary>The default scheme: bearer when a token is presented, else the cookie.</summary>
    public const string Default = "Vigil";

    public const string Cookie = "VigilCookie";

    public const string Bearer = BearerTokenAuthenticationHandler.SchemeName;

    public const string CookieName = "vigil.auth";

    public static readonly TimeSpan CookieLifetime = TimeSpan.FromHours(8);
}
