using Vigil.Dashboard.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Vigil.Silo.Api;

/// <summary>Registers and maps the read API: bearer tokens, role policies, OpenAPI and the endpoint groups.</summary>
public static class ApiServiceExtensions
{
    public static WebApplicationBuilder AddVigilApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        builder.Services.AddAuthentication(BearerTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenAuthenticationHandler>(BearerTokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.SafetyPolicy, p => p.RequireRole(Roles.Operator, Roles.Commander, Roles.Qa, Roles.Admin))
            .AddPolicy(Roles.ActOnAlertsPolicy, p => p.RequireRole(Roles.Operator, Roles.Commander, Roles.Admin))
            .AddPolicy(Roles.VipPolicy, p => p.RequireRole(Roles.Advisor, Roles.Admin))
            .AddPolicy(Roles.AdminPolicy, p => p.RequireRole(Roles.Admin));
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
        app.MapOpenApi();
        return app;
    }
}
