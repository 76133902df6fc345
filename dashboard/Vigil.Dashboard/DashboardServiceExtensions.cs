using Microsoft.AspNetCore.Builder;
using Vigil.Dashboard.Identity;
using Vigil.Dashboard.Live;
using Vigil.Dashboard.Web;

namespace Vigil.Dashboard;

/// <summary>Registers and maps the operator dashboard: identity, live push, incidents and the browser app.</summary>
public static class DashboardServiceExtensions
{
    public static WebApplicationBuilder AddVigilDashboard(this WebApplicationBuilder builder)
    {
        builder.AddDashboardIdentity();
        builder.AddLivePush();
        builder.AddDashboardWeb();
        return builder;
    }

    public static WebApplication MapVigilDashboard(this WebApplication app)
    {
        app.MapDashboardIdentity();
        app.MapLivePush();
        app.MapDashboardWeb();
        return app;
    }
}
