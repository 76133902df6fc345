using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Identity;

/// <summary>
/// Registers the dashboard's identity: the policy scheme (bearer token or the <c>vigil.auth</c> cookie), role policies,
/// users, sign-in rate limiting, security headers and the CSRF guard; and maps <c>/auth</c> and <c>/api/admin/users</c>.
/// </summary>
public static class DashboardIdentityExtensions
{
    public static WebApplicationBuilder AddDashboardIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>());
        services.AddOptions<DashboardIdentityOptions>().BindConfiguration(DashboardIdentityOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardIdentityOptions>, DashboardIdentityOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<SignInRateLimiter>();
        services.AddHostedService<DemoIdentityService>();
        services.AddTransient<IStartupFilter, SecurityStartupFilter>();

        // Keys that sign the cookie live in the data folder, so a restart keeps people signed in.
        services.AddDataProtection().SetApplicationName("Vigil");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<DashboardIdentityOptions>, ILoggerFactory>((keys, identity, loggers) =>
            keys.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(Path.GetFullPath(identity.Value.DataPath), "keys")), loggers));

        services.AddAuthentication(IdentitySchemes.Default)
            .AddPolicyScheme(IdentitySchemes.Default, "Bearer token or cookie", o => o.ForwardDefaultSelector = http =>
                BearerTokenAuthenticationHandler.IsPresentedBy(http.Request) ? IdentitySchemes.Bearer : IdentitySchemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenAuthenticationHandler>(IdentitySchemes.Bearer, null)
            .AddCookie(IdentitySchemes.Cookie, ConfigureCookie);
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.SafetyPolicy, p => p.RequireRole(Roles.Operator, Roles.Commander, Roles.Qa, Roles.Admin))
            .AddPolicy(Roles.ActOnAlertsPolicy, p => p.RequireRole(Roles.Operator, Roles.Commander, Roles.Admin))
            .AddPolicy(Roles.VipPolicy, p => p.RequireRole(Roles.Advisor, Roles.Admin))
            .AddPolicy(Roles.CommandIncidentsPolicy, p => p.RequireRole(Roles.Commander, Roles.Admin))
            .AddPolicy(Roles.AdminPolicy, p => p.RequireRole(Roles.Admin));
        return builder;
    }

    public static WebApplication MapDashboardIdentity(this WebApplication app)
    {
        app.MapGroup("/auth").MapAuthApi();
        app.MapGroup("/api/admin/users").MapAdminUsersApi();
        return app;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = IdentitySchemes.CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.IsEssential = true;
        options.ExpireTimeSpan = IdentitySchemes.CookieLifetime;
        options.SlidingExpiration = true;
        options.LoginPath = "/sign-in";

        // APIs, hubs and the single-page app all want a status code, never a redirect to a sign-in page.
        options.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
        options.Events.OnRedirectToLogout = context => Status(context.Response, StatusCodes.Status204NoContent);
        options.Events.OnRedirectToReturnUrl = context => Status(context.Response, StatusCodes.Status204NoContent);
        options.Events.OnValidatePrincipal = ValidateSession;
    }

    /// <summary>A cookie stops working once its user is deleted or changed by an admin (roles, regions, password).</summary>
    private static async Task ValidateSession(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
        var name = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirst(UserPrincipals.StampClaim)?.Value;
        if (name is null || users.Find(name) is not { } user || user.Stamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentitySchemes.Cookie);
        }
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
