using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Vigil.Dashboard.Security;

/// <summary>
/// Puts the security headers and the CSRF guard at the very start of the pipeline, ahead of authentication and
/// static files, so no response (not even a 401 written by the authorization middleware) goes out without them.
/// </summary>
public sealed class SecurityStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<CsrfGuardMiddleware>();
        next(app);
    };
}
