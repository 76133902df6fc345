using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Vigil.Dashboard.Identity;

namespace Vigil.Dashboard.Security;

/// <summary>
/// Cross-site request forgery defence for cookie sessions: a state-changing request (POST, PUT, PATCH, DELETE) to
/// <c>/auth/*</c>, or to <c>/api/*</c> with the session cookie, must carry <c>X-Vigil-Request: 1</c> and, when it has a
/// body, <c>Content-Type: application/json</c>. A cross-site form cannot do either without a CORS preflight, which this
/// server never grants. Bearer-token requests are exempt: a browser never adds a bearer token on its own.
/// </summary>
public sealed class CsrfGuardMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Vigil-Request";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        return NeedsProof(request) && Refusal(request) is { } error ? Refuse(context, error) : next(context);
    }

    private static bool NeedsProof(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return false;
        }

        if (BearerTokenAuthenticationHandler.IsPresentedBy(request))
        {
            return false;
        }

        return request.Path.StartsWithSegments("/auth", StringComparison.OrdinalIgnoreCase)
            || (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && request.Cookies.ContainsKey(IdentitySchemes.CookieName));
    }

    private static string? Refusal(HttpRequest request)
    {
        if (request.Headers[HeaderName] != "1")
        {
            return $"csrf: a browser request that changes state must send the header {HeaderName}: 1.";
        }

        var hasBody = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0;
        if (request.ContentType is null)
        {
            return hasBody ? "csrf: a request body must be sent as Content-Type: application/json." : null;
        }

        return MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            ? null
            : "csrf: a request body must be sent as Content-Type: application/json.";
    }

    private static Task Refuse(HttpContext context, string error)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return context.Response.WriteAsJsonAsync(new { error });
    }
}
