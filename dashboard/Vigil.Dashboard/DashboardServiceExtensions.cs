using Microsoft.AspNetCore.Builder;
using Vigil.Dashboard.Live;

namespace Vigil.Dashboard;

/// <summary>Registers and maps the operator dashboard: identity, live push, incidents and the browser app.</summary>
public static class DashboardServiceExtensions
{
    public static WebApplicationBuilder AddVigilDashboard(this WebApplicationBuilder builder)
    {
        builder.AddLivePush();
        return builder;
    }

    public static WebApplication MapVigilDashboard(this WebApplication app)
    {
        app.MapLivePush();
        return app;
    }
}
