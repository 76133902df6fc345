using Microsoft.AspNetCore.Builder;
using Vigil.Dashboard.Identity;

namespace Vigil.Dashboard;

/// <summary>Registers and maps the operator dashboard: identity, live push, incidents and the browser app.</summary>
public static class DashboardServiceExtensions
{
    public static WebApplicationBuilder AddVigilDashboard(this WebApplicationBuilder builder)
    {
        builder.AddDashboardIdentity();
        return builder;
    }

    public static WebApplication MapVigilDashboard(this WebApplication app)
    {
        app.MapDashboardIdentity();
        return app;
    }
}
