using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Dashboard.Web;

/// <summary>
/// Serves the browser app: its bundle files, and index.html for every client route of dashboard/SPEC.md. Both are
/// endpoints that allow anonymous callers (the sign-in page must load before anyone is signed in), so an
/// authorization fallback policy cannot lock them away, and /api, /hubs, /auth and /health keep their own answers.
/// </summary>
public static class DashboardWebExtensions
{
    /// <summary>The routes the client router handles (dashboard/SPEC.md); each answers index.html.</summary>
    public static readonly IReadOnlyList<string> ClientRoutes =
    [
        "/", "/wall", "/heat", "/rooms/{id}", "/broadcasters/{id}", "/vips/{id}", "/inbox", "/incidents", "/incidents/{id}",
        "/admin", "/sign-in",
    ];

    /// <summary>The bundle files build.mjs writes (the source maps are served for debugging).</summary>
    public static readonly IReadOnlyList<string> AssetFiles = ["app.js", "app.css", "app.js.map", "app.css.map"];

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static WebApplicationBuilder AddDashboardWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DashboardAssets>();
        return builder;
    }

    public static WebApplication MapDashboardWeb(this WebApplication app)
    {
        var assets = app.Services.GetRequiredService<DashboardAssets>();
        var group = app.MapGroup("").AllowAnonymous().WithTags("Dashboard");
        foreach (var route in ClientRoutes)
        {
            group.MapMethods(route, GetAndHead, (HttpContext http) => assets.Index(http)).ExcludeFromDescription();
        }

        foreach (var file in AssetFiles)
        {
            group.MapMethods("/" + file, GetAndHead, (HttpContext http) => assets.Asset(http, file)).ExcludeFromDescription();
        }

        return app;
    }
}
