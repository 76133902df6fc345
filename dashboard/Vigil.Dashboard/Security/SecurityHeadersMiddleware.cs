using Microsoft.AspNetCore.Http;

namespace Vigil.Dashboard.Security;

/// <summary>Adds <see cref="SecurityHeaders.All"/> to every response, including 401s, 404s and static files.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        // Set when the response starts too, because an error handler may clear the headers set here.
        context.Response.OnStarting(static state =>
        {
            Apply(((HttpContext)state).Response.Headers);
            return Task.CompletedTask;
        }, context);
        Apply(context.Response.Headers);
        return next(context);
    }

    private static void Apply(IHeaderDictionary headers)
    {
        foreach (var (name, value) in SecurityHeaders.All)
        {
            headers[name] = value;
        }
    }
}
