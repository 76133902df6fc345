using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Vigil.Dashboard.Identity;

/// <summary><c>/auth</c>: sign in with a password (rate limited), sign out, read yourself, choose your language.</summary>
public static partial class AuthEndpoints
{
    public const int MaxPasswordLength = 1024;

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder group)
    {
        group.MapPost("/sign-in", SignIn).AllowAnonymous();
        group.MapPost("/sign-out", SignOut).AllowAnonymous();
        group.MapGet("/me", (HttpContext http) => Results.Ok(Me.Of(http.User))).RequireAuthorization();
        group.MapPut("/me/language", SetLanguage).RequireAuthorization();
        return group;
    }

    private static async Task<IResult> SignIn(
        HttpContext http, SignInRequest? body, UserStore users, SignInRateLimiter limiter, ILoggerFactory loggers)
    {
        if (!UserValidation.IsIdentifier(body?.UserName))
        {
            return Results.BadRequest(new { error = $"userName: must be 1-{UserValidation.MaxIdentifierLength} letters, digits, '.', '_', '-' or '@'." });
        }

        if (body!.Password is not { Length: > 0 and <= MaxPasswordLength } password)
        {
            return Results.BadRequest(new { error = $"password: must be 1-{MaxPasswordLength} characters." });
        }

        var logger = loggers.CreateLogger(typeof(AuthEndpoints));
        var userName = body.UserName!;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (limiter.RetryAfter(userName, address) is { } wait)
        {
            LogRateLimited(logger, address, wait);
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Results.Json(new { error = $"Too many failed sign-ins; try again in {seconds} seconds." }, statusCode: StatusCodes.Status429TooManyRequests);
        }

        var user = users.Verify(userName, password);
        if (user is not null && users.Mode == DashboardMode.Production && DemoUsers.IsDemoPassword(userName, password))
        {
            // Demo passwords are public: an account carried over from a demo data folder must not open with one.
            LogDemoPasswordRefused(logger, user.UserName);
            user = null;
        }

        if (user is null)
        {
            limiter.RecordFailure(userName, address);
            LogFailed(logger, users.Find(userName)?.UserName ?? "(unknown user name)", address);
            return Results.Json(new { error = "The user name or password is wrong." }, statusCode: StatusCodes.Status401Unauthorized);
        }

        limiter.RecordSuccess(userName);
        await http.SignInAsync(IdentitySchemes.Cookie, UserPrincipals.Of(user, IdentitySchemes.Cookie));
        LogSignedIn(logger, user.UserName, address);
        return Results.Ok(Me.Of(UserPrincipals.Of(user, IdentitySchemes.Cookie)));
    }

    private static async Task<IResult> SignOut(HttpContext http, ILoggerFactory loggers)
    {
        if (http.User.Identity is { IsAuthenticated: true, Name: { } name })
        {
            LogSignedOut(loggers.CreateLogger(typeof(AuthEndpoints)), name);
        }

        await http.SignOutAsync(IdentitySchemes.Cookie);
        return Results.NoContent();
    }

    private static async Task<IResult> SetLanguage(HttpContext http, LanguageRequest? body, UserStore users)
    {
        if (!Languages.IsKnown(body?.Language))
        {
            return Results.BadRequest(new { error = $"language: must be one of {string.Join(", ", Languages.All)} (was '{UserValidation.Quote(body?.Language)}')." });
        }

        if (!http.User.Identities.Any(i => i.AuthenticationType == IdentitySchemes.Cookie)
            || users.SetLanguage(http.User.Identity!.Name!, body!.Language!) is not { } user)
        {
            return Results.BadRequest(new { error = "language: only people signed in with a password have a stored language; a bearer token has none." });
        }

        var principal = UserPrincipals.Of(user, IdentitySchemes.Cookie);
        await http.SignInAsync(IdentitySchemes.Cookie, principal);
        return Results.Ok(Me.Of(principal));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{UserName} signed in from {ClientAddress}")]
    private static partial void LogSignedIn(ILogger logger, string userName, string clientAddress);

    [LoggerMessage(Level = LogLevel.Information, Message = "{UserName} signed out")]
    private static partial void LogSignedOut(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in for {UserName} from {ClientAddress}")]
    private static partial void LogFailed(ILogger logger, string userName, string clientAddress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in from {ClientAddress} refused for {RetryAfter} after too many failures")]
    private static partial void LogRateLimited(ILogger logger, string clientAddress, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the demo password of {UserName}: demo passwords never work in Production mode")]
    private static partial void LogDemoPasswordRefused(ILogger logger, string userName);
}
