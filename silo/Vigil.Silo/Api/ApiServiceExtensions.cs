namespace Vigil.Silo.Api;

/// <summary>
/// Registers and maps the read API: JSON, OpenAPI and the endpoint groups. Who may call them (bearer tokens, the
/// dashboard's cookie, role policies) is the dashboard identity's (<c>AddDashboardIdentity</c>), shared with the hubs.
/// </summary>
public static class ApiServiceExtensions
{
    public static WebApplicationBuilder AddVigilApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        builder.Services.AddSingleton<PolicyAdministration>();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapVigilApi(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGroup("/api/alerts").MapAlertsApi();
        app.MapGroup("/api").MapLiveApi();
        app.MapGroup("/api").MapVipApi();
        app.MapGroup("/api/policy").MapPolicyApi();
        app.MapGroup("/api/incidents").MapIncidentsApi();
        app.MapOpenApi();
        return app;
    }
}
